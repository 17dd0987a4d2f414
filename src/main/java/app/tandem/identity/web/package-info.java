/** Identity in the browser: a person's API tokens and the admin pages for people and teams. */
package app.tandem.identity.web;
