/**
 * Styles of everything inside our shadow root. `:host { all: initial }` keeps the page's CSS out; light and dark
 * palettes follow `prefers-color-scheme`; motion only when the user has not asked for less.
 */
export const TOOLTIP_CSS = `
:host{all:initial;position:fixed;top:0;left:0;width:0;height:0;z-index:2147483647}
*{box-sizing:border-box}
.card{--bg:#fff;--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--accent:#0b57d0;--partisan:#9a3412;--official:#14532d;--estimate:#1d4ed8;
position:fixed;top:0;left:0;max-width:min(380px,calc(100vw - 16px));max-height:min(70vh,520px);overflow:auto;
background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:8px;padding:12px 14px 8px;
box-shadow:0 6px 24px rgba(0,0,0,.18);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;text-align:left;
letter-spacing:normal;word-spacing:normal;text-transform:none;white-space:normal;overflow-wrap:anywhere}
@media (prefers-color-scheme:dark){.card{--bg:#1f2328;--fg:#e6edf3;--muted:#9da7b3;--line:#444c56;--accent:#8ab4f8;--partisan:#fdba74;--official:#86efac;--estimate:#93c5fd;box-shadow:0 6px 24px rgba(0,0,0,.5)}}
@media (prefers-reduced-motion:no-preference){.card{animation:cl-in .12s ease-out}}
@keyframes cl-in{from{opacity:0;transform:translateY(2px)}to{opacity:1;transform:none}}
.card:focus{outline:none}
.card.pinned:focus-visible,.card.pinned:focus{outline:3px solid var(--accent);outline-offset:1px}
h2{font-size:15px;font-weight:650;margin:0 24px 2px 0;line-height:1.3}
h3{font-size:12px;font-weight:650;margin:10px 0 2px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
p{margin:4px 0}
ul{margin:2px 0;padding:0 0 0 18px}
li{margin:2px 0}
.meta,.muted{color:var(--muted)}
.meta{font-size:13px}
a{color:var(--accent);text-decoration:underline}
a:focus-visible,button:focus-visible{outline:3px solid var(--accent);outline-offset:2px;border-radius:2px}
.when{font-weight:600}
.fact.past,.fact.upcoming{color:var(--muted)}
.kind-partisan{color:var(--partisan);font-weight:600}
.kind-official{color:var(--official)}
.alternatives{list-style:none;padding:0}
.alternatives li{border-top:1px solid var(--line);padding:6px 0}
.alt-head{display:flex;justify-content:space-between;gap:8px}
.value{white-space:nowrap}
.comparison{font-weight:600}
.page-figure{font-weight:600}
.credit,.brand{font-size:11px;color:var(--muted)}
.brand{margin-top:8px;text-align:right}
.close{position:absolute;top:6px;right:6px;width:28px;height:28px;border:1px solid transparent;border-radius:6px;background:transparent;color:var(--fg);font:20px/1 system-ui,sans-serif;cursor:pointer}
.close:hover{border-color:var(--line)}
.track-record .tr-title{font-size:12px;font-weight:600;margin:2px 0}
.tr-figure{margin:2px 0 0}
.tr-chart{display:block;width:100%;height:auto;max-height:112px;overflow:visible}
.tr-axis{stroke:var(--muted);stroke-width:1}
.tr-grid{stroke:var(--line);stroke-width:.5;stroke-dasharray:2 3}
.tr-tick{fill:var(--muted);font:9px system-ui,sans-serif}
.tr-series line,.tr-series polyline{fill:none;stroke-width:1.5}
.tr-series .tr-range{stroke-width:1;opacity:.6}
.tr-claim{stroke:var(--partisan);fill:var(--partisan)}
.tr-official{stroke:var(--official);fill:var(--official)}
.tr-estimate{stroke:var(--estimate);fill:var(--estimate)}
.tr-estimate polyline,.tr-swatch.tr-estimate line{stroke-dasharray:4 2}
.tr-official polyline,.tr-swatch.tr-official line{stroke-dasharray:1 2}
.tr-mark{stroke:none}
.tr-legend{display:flex;flex-wrap:wrap;gap:2px 10px;font-size:11px;color:var(--muted)}
.tr-key{display:inline-flex;align-items:center;gap:4px}
.tr-swatch{overflow:visible}
.tr-details summary{cursor:pointer;font-size:12px;color:var(--accent)}
.tr-table{width:100%;border-collapse:collapse;font-size:12px;font-variant-numeric:tabular-nums}
.tr-table th,.tr-table td{padding:2px 3px;border-top:1px solid var(--line);text-align:right;vertical-align:top;overflow-wrap:normal;white-space:nowrap}
.tr-table thead th{border-top:none;color:var(--muted);font-weight:600}
.tr-table tbody th{text-align:left;font-weight:400;white-space:nowrap}
.tr-sub,.tr-ratio{display:block;font-size:10px;color:var(--muted);white-space:nowrap}
.tr-ratio{color:inherit;font-size:11px}
.tr-table td a{white-space:nowrap}
.tr-glyph{stroke:none;font-size:9px}
.tr-glyph.tr-official{color:var(--official)}
.tr-glyph.tr-estimate{color:var(--estimate)}
.tr-none{color:var(--muted)}
.tr-sources{font-size:11px;color:var(--muted);list-style:none;padding:0}
@media (prefers-reduced-motion:reduce){.track-record *{animation:none!important;transition:none!important}}
@media (forced-colors:active){.tr-claim,.tr-official,.tr-estimate{stroke:CanvasText;fill:CanvasText}.tr-tick{fill:CanvasText}.tr-axis,.tr-grid{stroke:CanvasText}}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
`
