/** Read side only: the dashboard and the inbox, projected from the other modules' read models. */
package app.tandem.dashboard;
