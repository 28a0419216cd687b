package io.tributary.sink.hudi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tributary.api.SinkException;
import io.tributary.core.offsets.OffsetJson;
import org.apache.hudi.common.model.HoodieCommitMetadata;
import org.apache.hudi.common.table.HoodieTableMetaClient;
import org.apache.hudi.common.table.timeline.HoodieInstant;
import org.apache.hudi.common.table.timeline.HoodieTimeline;
import org.apache.hudi.storage.StorageConfiguration;

/**
 * Where a pipeline's source offset lives when it writes Hudi tables: in the extra metadata of the commits themselves
 * (as HoodieStreamer keeps its checkpoint), under {@code tributary.offset.<pipeline>}, so that an offset is stored
 * exactly when the rows before it are committed. Of a round of commits (one a table with rows), only the last carries
 * the offset: a crash between them leaves the previous offset, and the replay rewrites rows Hudi orders by binlog
 * position, so nothing moves backwards. The offset to resume from is the one of the latest commit, of any table
 * under the base path, that carries one.
 */
final class HudiOffsets {
    private final String basePath;
    private final StorageConfiguration<?> storage;
    private final String key;

    HudiOffsets(String basePath, StorageConfiguration<?> storage, String pipeline) {
        this.basePath = basePath;
        this.storage = storage;
        this.key = "tributary.offset." + pipeline;
    }

    /** The metadata a commit ending a round carries for {@code offset}. */
    Map<String, String> metadata(Map<String, ?> offset) {
        return Map.of(key, new String(OffsetJson.write(offset), StandardCharsets.UTF_8));
    }

    /** The offset of the latest commit that carries one, or empty before the first. */
    Optional<Map<String, ?>> load() {
        String latestInstant = "";
        Map<String, ?> latest = null;
        for (String table : HudiStorage.tablesUnder(storage, basePath)) {
            HoodieTableMetaClient meta = HoodieTableMetaClient.builder().setConf(storage.newInstance())
                    .setBasePath(table).build();
            HoodieTimeline commits = meta.getActiveTimeline().getCommitsTimeline().filterCompletedInstants();
            List<HoodieInstant> instants = commits.getInstants();
            for (int i = instants.size() - 1; i >= 0; i--) {
                HoodieInstant instant = instants.get(i);
                if (instant.requestedTime().compareTo(latestInstant) <= 0) {
                    break;
                }
                String offset = extra(commits, instant);
                if (offset != null) {
                    latestInstant = instant.requestedTime();
                    latest = OffsetJson.read(offset.getBytes(StandardCharsets.UTF_8));
                    break;
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    private String extra(HoodieTimeline commits, HoodieInstant instant) {
        try {
            HoodieCommitMetadata metadata = commits.readCommitMetadata(instant);
            return metadata.getMetadata(key);
        } catch (java.io.IOException e) {
            throw new SinkException("could not read Hudi commit " + instant + " under " + basePath + ": "
                    + e.getMessage(), e);
        }
    }
}
