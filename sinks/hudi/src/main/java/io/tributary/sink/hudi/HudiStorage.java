package io.tributary.sink.hudi;

import java.util.ArrayList;
import java.util.List;

import io.tributary.api.SinkException;
import org.apache.hudi.storage.HoodieStorage;
import org.apache.hudi.storage.HoodieStorageUtils;
import org.apache.hudi.storage.StorageConfiguration;
import org.apache.hudi.storage.StoragePath;
import org.apache.hudi.storage.StoragePathInfo;

/** Which Hudi tables exist, on whatever file system a path names (local, or S3 through Hadoop's S3A client). */
final class HudiStorage {
    private HudiStorage() {
    }

    /** Whether {@code path} holds a Hudi table: its {@code .hoodie/hoodie.properties} exists. */
    static boolean isTable(StorageConfiguration<?> storage, String path) {
        try (HoodieStorage files = HoodieStorageUtils.getStorage(path, storage)) {
            return isTable(files, path);
        } catch (SinkException e) {
            throw e;
        } catch (Exception e) {
            throw new SinkException("could not read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The paths of the Hudi tables directly under {@code basePath}; none when it does not exist yet. */
    static List<String> tablesUnder(StorageConfiguration<?> storage, String basePath) {
        try (HoodieStorage files = HoodieStorageUtils.getStorage(basePath, storage)) {
            StoragePath base = new StoragePath(basePath);
            if (!files.exists(base)) {
                return List.of();
            }
            List<String> tables = new ArrayList<>();
            for (StoragePathInfo entry : files.listDirectEntries(base)) {
                if (entry.isDirectory() && isTable(files, entry.getPath().toString())) {
                    tables.add(entry.getPath().toString());
                }
            }
            return tables;
        } catch (SinkException e) {
            throw e;
        } catch (Exception e) {
            throw new SinkException("could not list the Hudi tables under " + basePath + ": " + e.getMessage(), e);
        }
    }

    private static boolean isTable(HoodieStorage files, String path) throws java.io.IOException {
        return files.exists(new StoragePath(path + "/.hoodie/hoodie.properties"));
    }
}
