package io.tributary.api;

/**
 * How far a snapshot got in one table.
 *
 * @param rowsRead rows read so far
 * @param rowsEstimated the server's estimate of the table's rows (approximate)
 * @param done whether every row of the table was read
 */
public record TableProgress(long rowsRead, long rowsEstimated, boolean done) {
}
