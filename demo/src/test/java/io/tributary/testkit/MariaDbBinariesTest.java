package io.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MariaDbBinariesTest {

    @Test
    void missingServerSaysHowToInstallIt(@TempDir Path emptyDirectory) {
        assertThatThrownBy(() -> MariaDbBinaries.locate(List.of(emptyDirectory)))
                .isInstanceOf(TestkitException.class)
                .hasMessageContaining("`mariadbd` was not found in [" + emptyDirectory + "]")
                .hasMessageContaining("sudo apt-get install -y mariadb-server");
    }

    @Test
    void findsExecutablesInTheFirstDirectoryThatHasThem(@TempDir Path first, @TempDir Path second) throws IOException {
        executable(second.resolve("mariadbd"));
        executable(second.resolve("mariadb-install-db"));
        Files.createFile(first.resolve("mariadbd")); // not executable: skipped

        MariaDbBinaries binaries = MariaDbBinaries.locate(List.of(first, second));

        assertThat(binaries.server()).isEqualTo(second.resolve("mariadbd"));
        assertThat(binaries.installDb()).isEqualTo(second.resolve("mariadb-install-db"));
    }

    private static void executable(Path file) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
