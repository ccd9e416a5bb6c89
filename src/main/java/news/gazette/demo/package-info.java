/**
 * Demo content: three editions of original stories, with illustrations the program draws, loaded into an empty database.
 */
package news.gazette.demo;
