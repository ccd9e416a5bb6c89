/**
 * Accounts: newsroom logins, their roles, the first admin, and protection against password guessing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package news.gazette.account;
