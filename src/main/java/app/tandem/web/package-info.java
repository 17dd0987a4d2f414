/**
 * The browser's frame around every page: the layout's data (who is signed in, the cycles to switch between,
 * which section is open), the language (English or German, from the browser, switchable) and the static assets'
 * caching. The pages themselves live in their modules' {@code web} packages.
 */
package app.tandem.web;
