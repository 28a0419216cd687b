package io.tributary.sink.hudi;

import java.util.ArrayList;
import java.util.List;

import io.tributary.api.SinkException;
import io.tributary.api.config.ConfigException;
import io.tributary.api.config.ConfigProblem;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hudi.storage.HoodieStorage;
import org.apache.hudi.storage.HoodieStorageUtils;
import org.apache.hudi.storage.StorageConfiguration;
import org.apache.hudi.storage.StoragePath;
import org.apache.hudi.storage.StoragePathInfo;

/** Which Hudi tables exist, on whatever file system a path names (local, or S3 through Hadoop's S3A client). */
final class HudiStorage {
    private HudiStorage() {
    }

    /**
     * Fails unless Hadoop's client here has a file system for the scheme of {@code basePath} (none: the local one).
     * The distribution has the local one only: S3A's client needs the AWS SDK's 310 MB bundle, which a user adds.
     */
    static void requireFileSystem(String basePath, Configuration hadoop) {
        String scheme = new org.apache.hadoop.fs.Path(basePath).toUri().getScheme();
        if (scheme == null) {
            return;
        }
        try {
            FileSystem.getFileSystemClass(scheme, hadoop);
        } catch (java.io.IOException | RuntimeException e) {
            // none registered, or a class fs.<scheme>.impl names that is not there
            String how = scheme.equals("s3a") ? "S3A's client is not in the distribution; add hadoop-aws-3.3.6.jar "
                    + "and aws-java-sdk-bundle-1.12.367.jar (Maven Central) to the class path (README: the Hudi sink)"
                    : "add the jar of a Hadoop file system for it to the class path, or use a file:// path";
            throw new ConfigException(List.of(new ConfigProblem("hoodie.base.path", "expected a path of a file "
                    + "system Hadoop's client here has (file://, or s3a:// once its client is added) but found "
                    + scheme + "://, for which there is none (" + e.getMessage() + "): " + how)));
        }
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
