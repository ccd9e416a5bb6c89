/**
 * Accounts: newsroom logins, their roles, the first admin, and protection against password guessing.
 */
package news.gazette.account;
