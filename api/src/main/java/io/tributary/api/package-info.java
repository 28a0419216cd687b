/**
 * Tributary's public model and service-provider interfaces: change records and their schemas, the source SPI
 * and typed configuration. This module depends on nothing but the JDK, so that every connector, sink and
 * runtime can depend on it.
 */
package io.tributary.api;
