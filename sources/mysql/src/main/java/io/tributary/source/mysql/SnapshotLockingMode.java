package io.tributary.source.mysql;

/** Debezium's {@code snapshot.locking.mode} values that Tributary supports; they matter on MySQL only. */
public enum SnapshotLockingMode {
    /**
     * Locks only while the snapshot's transaction starts and the binlog position is read: a global read lock
     * ({@code FLUSH TABLES WITH READ LOCK}, which needs RELOAD), or where the server refuses it (RDS, Aurora) a read
     * lock on the captured tables ({@code LOCK TABLES}). Gives the exact position.
     */
    MINIMAL,
    /**
     * No lock at all: the position is read before the snapshot's transaction starts. With GTIDs on, streaming
     * resumes after the executed GTID set read then, which every change the snapshot can miss comes after, so nothing
     * is lost (a change committed in between may come twice: in the snapshot and streamed). Without GTIDs a
     * transaction written to the binlog but not yet committed at that moment may be missed, as with Debezium.
     */
    NONE
}
