/**
 * Real servers for Tributary's tests, started in-process or as private child processes without Docker.
 *
 * <p>Every component is a {@link java.io.Closeable} created by a static factory, listens on free ports of
 * 127.0.0.1 and keeps its files in a private temporary directory, so that concurrent test JVMs never collide.
 * Closing a component stops it and deletes its files; whatever a test forgot to close is closed when the JVM
 * exits.
 *
 * <p>{@code TestingMariaDb}, {@code TestingKafka} and what they rest on ship in the tributary-demo jar, in this same
 * package, because {@code tributary demo} runs them too; the test kit depends on it and adds the rest.
 */
package io.tributary.testkit;
