package io.tributary.faults;

/**
 * What a fault run delivered, measured against what the writer committed.
 *
 * @param checked the row versions the writer committed
 * @param lost of those, how many never arrived
 * @param duplicated arrivals beyond the first of a row version
 */
record Tally(long checked, long lost, long duplicated) {
}
