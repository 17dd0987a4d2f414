/** Moving an organisation in and out: the JSON backup, and OKRs as code (YAML). */
package app.tandem.interchange;
