package io.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BinlogSettingsTest {

    @Test
    void cdcReadySettingsAreWhatConnectorsNeed() {
        assertThat(BinlogSettings.cdcReady().serverArguments()).containsExactly(
                "--log-bin=binlog",
                "--binlog-format=ROW",
                "--binlog-row-image=FULL",
                "--binlog-row-metadata=FULL");
    }

    @Test
    void offTurnsTheBinlogOff() {
        assertThat(BinlogSettings.off().serverArguments()).containsExactly("--skip-log-bin");
    }

    @Test
    void withersChangeOneSettingOnly() {
        BinlogSettings settings = BinlogSettings.cdcReady()
                .withFormat(BinlogSettings.Format.MIXED)
                .withRowImage(BinlogSettings.RowImage.NOBLOB)
                .withRowMetadata(BinlogSettings.RowMetadata.NO_LOG);

        assertThat(settings).isEqualTo(new BinlogSettings(true, BinlogSettings.Format.MIXED,
                BinlogSettings.RowImage.NOBLOB, BinlogSettings.RowMetadata.NO_LOG));
        assertThat(settings.serverArguments()).containsExactly(
                "--log-bin=binlog",
                "--binlog-format=MIXED",
                "--binlog-row-image=NOBLOB",
                "--binlog-row-metadata=NO_LOG");
    }
}
