/**
 * The audit log: an append-only record of who did what in the newsroom, and when.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package news.gazette.audit;
