/**
 * Accounts: newsroom logins, their roles, the first admin, and protection against password guessing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package news.gazette.account;
