/**
 * The public JSON API: read-only, no login, errors as RFC 9457 problem details.
 */
package news.gazette.api;
