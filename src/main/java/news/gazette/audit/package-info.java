/**
 * The audit log: an append-only record of who did what in the newsroom, and when.
 */
package news.gazette.audit;
