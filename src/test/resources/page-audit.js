// What a careful person checks on a page, measured in the browser: that it fits the window (no sideways
// scrolling), that text has enough contrast (WCAG AA: 4.5:1, 3:1 for large text), and that every field
// and button has a name a screen reader can say; and what the Content-Security-Policy refused, as recorded from the
// page's start (window.tandemPolicyViolations, see LayoutBrowserTests). Returns {overflow, lowContrast: [], unnamed: [],
// policyViolations: []}.
function channel(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
function luminance(colour) {
  const [r, g, b] = colour.match(/[\d.]+/g).map(Number);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
function opaque(colour) { const m = colour.match(/[\d.]+/g); return m && (m.length < 4 || Number(m[3]) > 0.5); }
function background(el) {
  for (; el; el = el.parentElement) {
    const b = getComputedStyle(el).backgroundColor;
    if (opaque(b)) return b;
  }
  return 'rgb(255, 255, 255)';
}
function visible(el) {
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
}
const lowContrast = [];
for (const el of document.querySelectorAll('body *')) {
  const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent.trim()).join('');
  if (!own || !visible(el) || el.closest('svg, .chart')) continue;
  const s = getComputedStyle(el);
  const a = luminance(s.color), b = luminance(background(el));
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight) >= 700;
  const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
  if (ratio < needed) lowContrast.push(el.tagName + ' "' + own.slice(0, 40) + '" ' + ratio.toFixed(2) + ':1');
}
const unnamed = [];
for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href]')) {
  if (!visible(el)) continue;
  const named = (el.labels && el.labels.length) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')
    || el.getAttribute('title') || (el.tagName === 'BUTTON' || el.tagName === 'A') && el.textContent.trim()
    || el.type === 'submit' && el.value;
  if (!named) unnamed.push(el.outerHTML.slice(0, 80));
}
const root = document.documentElement;
return { overflow: root.scrollWidth > root.clientWidth ? root.scrollWidth - root.clientWidth : 0, lowContrast, unnamed,
  policyViolations: window.tandemPolicyViolations || [] };
