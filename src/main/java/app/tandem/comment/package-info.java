/** Comments on objectives, key results and KPIs, with the people they mention. */
package app.tandem.comment;
