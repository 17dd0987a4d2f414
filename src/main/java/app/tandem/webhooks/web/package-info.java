/** The webhooks' API and page. */
package app.tandem.webhooks.web;
