/**
 * Benchmark helpers run by the scripts in {@code bench/}: a corpus generator and the publish-to-visible probe.
 */
package news.gazette.bench;
