// The ALTCHA widget for <partial name="_Altcha">: its "external" build (no inline style, no inline worker,
// so it runs under the CSP script-src 'self'), the French and English texts, and the PBKDF2 worker that
// solves Chancery's challenges, served from Chancery itself.
import '/lib/altcha/altcha.min.js';
import '/lib/altcha/i18n/fr-fr.js';
import '/lib/altcha/i18n/en.js';

globalThis.$altcha.algorithms.set('PBKDF2/SHA-256', () => new Worker('/lib/altcha/workers/pbkdf2.js'));
