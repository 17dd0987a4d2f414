/** The notifications' API and page. */
package app.tandem.notify.web;
