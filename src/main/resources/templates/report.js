(function () {
  'use strict';
  // the pairs table, drawn from compact rows a page at a time: filter by verdict or text,
  // sort by a column; a row opens its figures and, for a pair not shown in full, a small chart
  var LETTERS = { P: 'PASS', W: 'WARN', F: 'FAIL', U: 'UNSETTLED', N: 'NO_DATA', I: 'INSUFFICIENT_DATA', E: 'ERROR' };
  var PAGE = 100;
  var rowsNode = document.getElementById('pair-rows');
  var table = document.getElementById('pairs');
  var all = rowsNode ? JSON.parse(rowsNode.textContent) : [];
  var sidesNode = document.getElementById('pair-sides');
  var SIDES = sidesNode ? JSON.parse(sidesNode.textContent) : [];
  // a row's systems: [old, new] (reports of older versions name one pair of systems)
  function sidesOf(r) { return SIDES[r[10] || 0] || ['CloudWatch', 'Prometheus']; }
  var shown = all.slice();
  var page = 0;
  var verdictFilter = 'ALL';
  var textFilter = '';
  function cell(tr, text, cls) {
    var td = document.createElement('td');
    if (cls) { td.className = cls; }
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }
  function render() {
    if (!table) { return; }
    var body = table.tBodies[0];
    while (body.firstChild) { body.removeChild(body.firstChild); }
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    page = Math.min(page, pages - 1);
    shown.slice(page * PAGE, (page + 1) * PAGE).forEach(function (r) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-verdict', r[1]);
      var id = document.createElement('td');
      var a = document.createElement('a');
      a.textContent = r[0];
      a.href = r[7] ? '#pair-' + r[0] : '#';
      if (!r[7]) { a.addEventListener('click', function (e) { e.preventDefault(); toggle(tr, r); }); }
      id.appendChild(a);
      tr.appendChild(id);
      var v = document.createElement('td');
      var badge = document.createElement('span');
      badge.className = 'badge ' + r[1];
      badge.textContent = r[1];
      v.appendChild(badge);
      tr.appendChild(v);
      var h = document.createElement('td');
      var strip = document.createElement('span');
      strip.className = 'history';
      r[6].split('').forEach(function (l) {
        var sp = document.createElement('span');
        if (LETTERS[l]) { sp.className = LETTERS[l]; sp.title = LETTERS[l]; }
        strip.appendChild(sp);
      });
      h.appendChild(strip);
      tr.appendChild(h);
      cell(tr, r[3]);
      cell(tr, r[4], 'num');
      cell(tr, r[5], 'num');
      body.appendChild(tr);
    });
    var pager = document.getElementById('pager');
    if (pager) {
      pager.textContent = shown.length === 0 ? 'no pair matches'
        : 'pairs ' + (page * PAGE + 1) + '-' + Math.min(shown.length, (page + 1) * PAGE) + ' of ' + shown.length;
      document.getElementById('prev').disabled = page === 0;
      document.getElementById('next').disabled = page >= pages - 1;
    }
  }
  function toggle(tr, r) {
    var next = tr.nextSibling;
    if (next && next.className === 'detail') { next.parentNode.removeChild(next); return; }
    var d = document.createElement('tr');
    d.className = 'detail';
    var td = document.createElement('td');
    td.colSpan = 6;
    var f = r[8] || [];
    var text = document.createElement('div');
    text.className = 'muted';
    var names = sidesOf(r);
    text.textContent = f.length ? 'periods compared ' + f[0] + ' · coverage ' + names[0] + ' ' + f[1] + ', ' + names[1] + ' ' + f[2]
      + ' · MAPE ' + f[3] + ' · best lag ' + f[4] + ' · every figure of this pair is in the run\'s JSON report' : r[3];
    td.appendChild(text);
    if (r[9] && typeof Chart !== 'undefined') {
      var box = document.createElement('div');
      box.className = 'box small';
      var canvas = document.createElement('canvas');
      canvas.className = 'overlay';
      box.appendChild(canvas);
      td.appendChild(box);
      d.appendChild(td);
      tr.parentNode.insertBefore(d, tr.nextSibling);
      overlay(canvas, r[9], sidesOf(r));
    } else {
      d.appendChild(td);
      tr.parentNode.insertBefore(d, tr.nextSibling);
    }
  }
  function filter() {
    shown = all.filter(function (r) {
      return (verdictFilter === 'ALL' || r[1] === verdictFilter)
        && (textFilter === '' || r[0].toLowerCase().indexOf(textFilter) >= 0 || r[3].toLowerCase().indexOf(textFilter) >= 0);
    });
    page = 0;
    render();
  }
  if (table) {
    var buttons = document.querySelectorAll('button[data-filter]');
    buttons.forEach(function (b) {
      b.addEventListener('click', function () {
        verdictFilter = b.getAttribute('data-filter');
        buttons.forEach(function (x) { x.setAttribute('aria-pressed', x === b ? 'true' : 'false'); });
        filter();
      });
    });
    var search = document.getElementById('search');
    if (search) { search.addEventListener('input', function () { textFilter = search.value.toLowerCase(); filter(); }); }
    document.getElementById('prev').addEventListener('click', function () { page--; render(); });
    document.getElementById('next').addEventListener('click', function () { page++; render(); });
    var KEYS = { pair: 0, verdict: 2, why: 3, within: 4, bias: 5 };
    table.querySelectorAll('th[data-sort]').forEach(function (th) {
      th.addEventListener('click', function () {
        var key = KEYS[th.getAttribute('data-sort')];
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        table.querySelectorAll('th[data-sort]').forEach(function (x) { x.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var value = function (r) { var v = r[key]; var n = parseFloat(v); return isNaN(n) ? String(v) : n; };
        var order = function (a, b) {
          var x = value(a), y = value(b);
          var c = (typeof x === 'number' && typeof y === 'number') ? x - y : String(x).localeCompare(String(y));
          return ascending ? c : -c;
        };
        all.sort(order);
        filter();
      });
    });
    render();
  }
  var node = document.getElementById('chart-data');
  if (!node || typeof Chart === 'undefined') { return; }
  var charts = JSON.parse(node.textContent);
  var byPair = {};
  charts.forEach(function (c) { byPair[c.pair] = c; });
  function time(ms) { return new Date(ms).toISOString().substring(5, 16).replace('T', ' '); }
  function slots(s) {
    var out = [], k = 0;
    for (var j = 0; j < s.d.length; j++) { k += s.d[j]; out.push(k); }
    return out;
  }
  function points(chart, s) {
    var k = slots(s), out = [];
    for (var j = 0; j < k.length; j++) { out.push({ x: chart.start + k[j] * chart.step, y: s.v[j] }); }
    return out;
  }
  function band(chart, sign) {
    return points(chart, oldOf(chart)).map(function (p) {
      return { x: p.x, y: p.y === null ? null : sign * Math.max(chart.absolute, chart.relative * Math.abs(p.y)) };
    });
  }
  function options(c, yTitle) {
    return {
      animation: false, parsing: false, normalized: true, responsive: true, maintainAspectRatio: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: { type: 'linear', min: c.start, max: c.end, ticks: { maxTicksLimit: 8, callback: function (v) { return time(v) + ' UTC'; } } },
        // one width for every y axis: the overlay's and the residual's time axes line up
        y: { title: { display: true, text: yTitle }, afterFit: function (scale) { scale.width = 76; } }
      },
      plugins: { legend: { position: 'bottom' },
        tooltip: { callbacks: { title: function (items) { return items.length ? time(items[0].parsed.x) + ' UTC' : ''; } } } }
    };
  }
  // charts stored by older versions name their series cloudwatch and prometheus
  function oldOf(c) { return c.old || c.cloudwatch; }
  function newOf(c) { return c['new'] || c.prometheus; }
  function oldName(c, names) { return c.oldName || (names ? names[0] : 'CloudWatch'); }
  function newName(c, names) { return c.newName || (names ? names[1] : 'Prometheus'); }
  // the stretches where a side has no data while the other has: [from, to] in ms
  function missing(c, s, other) {
    var n = Math.round((c.end - c.start) / c.step), k = slots(s), out = [];
    var has = {};
    slots(other).forEach(function (slot, j) { if (other.v[j] !== null) { has[slot] = true; } });
    function add(from, to) {
      for (var slot = from; slot < to; slot++) {
        if (has[slot]) { out.push([c.start + from * c.step, c.start + to * c.step]); return; }
      }
    }
    if (k.length === 0) { add(0, n); return out; }
    add(0, k[0]);
    for (var j = 0; j < k.length; j++) {
      if (s.v[j] === null) { add(k[j], j + 1 < k.length ? k[j + 1] : n); }
    }
    if (s.v[k.length - 1] !== null) { add(k[k.length - 1] + 1, n); }
    return out;
  }
  function top(c) {
    var ys = oldOf(c).v.concat(newOf(c).v).filter(function (v) { return v !== null; });
    return ys.length ? Math.max.apply(null, ys) : 1;
  }
  function overlay(canvas, c, names) {
    var bands = gaps(c, names);
    var cwSlots = slots(oldOf(c));
    var marks = c.discrepancies.map(function (k) {
      var j = cwSlots.indexOf(k);
      return { x: c.start + k * c.step, y: j >= 0 ? oldOf(c).v[j] : null };
    }).filter(function (p) { return p.y !== null; });
    new Chart(canvas, { type: 'line', data: { datasets: [
      { label: oldName(c, names), data: points(c, oldOf(c)), borderColor: '#0969da', backgroundColor: '#0969da', borderWidth: 1.5, pointRadius: 0, spanGaps: false },
      { label: newName(c, names) + ' (x unit factor)', data: points(c, newOf(c)), borderColor: '#bc4c00', backgroundColor: '#bc4c00', borderWidth: 1.5, pointRadius: 0, spanGaps: false },
      { label: 'discrepancy', type: 'scatter', data: marks, borderColor: '#cf222e', backgroundColor: '#cf222e', pointRadius: 3 }
    ].concat(bands) }, options: options(c, c.unit || 'value') });
    canvas.setAttribute('data-gaps', String(bands.length));
  }
  // a shaded band over each stretch one side lacks
  function gaps(c, names) {
    var sets = [], y = top(c);
    [[newOf(c), oldOf(c), newName(c, names)], [oldOf(c), newOf(c), oldName(c, names)]].forEach(function (side) {
      var spans = missing(c, side[0], side[1]);
      if (spans.length) {
        sets.push({ label: 'no ' + side[2] + ' data', data: episodes(spans, y), borderWidth: 0, pointRadius: 0,
          fill: 'start', backgroundColor: 'rgba(207,34,46,0.12)', spanGaps: false });
      }
    });
    return sets;
  }
  function draw(el, c) {
    overlay(el.querySelector('canvas.overlay'), c);
    new Chart(el.querySelector('canvas.residual'), { type: 'line', data: { datasets: [
      { label: newName(c) + ' - ' + oldName(c), data: points(c, c.residual), borderColor: '#57606a', borderWidth: 1, pointRadius: 0, spanGaps: false },
      { label: 'tolerance', data: band(c, 1), borderColor: '#1a7f37', borderDash: [4, 3], borderWidth: 1, pointRadius: 0, spanGaps: false, fill: false },
      { label: '- tolerance', data: band(c, -1), borderColor: '#1a7f37', borderDash: [4, 3], borderWidth: 1, pointRadius: 0, spanGaps: false, fill: '-1', backgroundColor: 'rgba(26,127,55,0.08)' }
    ] }, options: options(c, 'difference') });
    el.setAttribute('data-drawn', 'true');
  }
  // alert pairs: a lane per side, its series, its threshold, its episodes as replayed
  // (shaded) and as recorded (a thick line at the foot of the lane)
  var alertNode = document.getElementById('alert-data');
  var alerts = alertNode ? JSON.parse(alertNode.textContent) : [];
  function episodes(spans, y) {
    var out = [];
    spans.forEach(function (s) { out.push({ x: s[0], y: y }, { x: s[1], y: y }, { x: s[1], y: null }); });
    return out;
  }
  function lane(canvas, a, l, color) {
    var ys = l.v.filter(function (v) { return v !== null; });
    if (l.threshold !== null) { ys.push(l.threshold); }
    var lo = ys.length ? Math.min.apply(null, ys) : 0, hi = ys.length ? Math.max.apply(null, ys) : 1;
    var pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
    lo -= pad; hi += pad;
    var series = l.t.map(function (t, i) { return { x: t, y: l.v[i] }; });
    var sets = [
      { label: l.system + ': ' + l.name + ' (' + l.hold + ')', data: series, borderColor: color, backgroundColor: color, borderWidth: 1.4, pointRadius: 0, spanGaps: false },
      { label: 'in alarm, replayed', data: episodes(l.replayed, hi), borderWidth: 0, pointRadius: 0, fill: 'start', backgroundColor: 'rgba(207,34,46,0.18)', spanGaps: false }
    ];
    if (l.threshold !== null) {
      sets.push({ label: 'threshold ' + l.op + ' ' + l.threshold, data: [{ x: a.from, y: l.threshold }, { x: a.to, y: l.threshold }], borderColor: '#cf222e', borderDash: [5, 4], borderWidth: 1.2, pointRadius: 0 });
    }
    if (l.actual !== null) {
      sets.push({ label: 'in alarm, ' + l.source, data: episodes(l.actual, lo + (hi - lo) * 0.02), borderColor: '#82071e', borderWidth: 5, pointRadius: 0, spanGaps: false });
    }
    var o = options({ start: a.from, end: a.to }, l.system);
    o.scales.y.min = lo;
    o.scales.y.max = hi;
    new Chart(canvas, { type: 'line', data: { datasets: sets }, options: o });
  }
  alerts.forEach(function (a) {
    var el = document.querySelector('.charts[data-alert="' + a.alert.replace(/["\\]/g, '\\$&') + '"]');
    if (!el || a.from === null) { return; }
    lane(el.querySelector('canvas.lane-old'), a, a.lanes[0], '#0969da');
    lane(el.querySelector('canvas.lane-new'), a, a.lanes[1], '#bc4c00');
    el.setAttribute('data-drawn', 'true');
  });
  var pending = document.querySelectorAll('.charts[data-pair]');
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting && !e.target.getAttribute('data-drawn') && byPair[e.target.getAttribute('data-pair')]) {
        draw(e.target, byPair[e.target.getAttribute('data-pair')]);
        observer.unobserve(e.target);
      }
    });
  }, { rootMargin: '400px' });
  pending.forEach(function (el) {
    var chart = byPair[el.getAttribute('data-pair')];
    if (chart && el.getBoundingClientRect().top < window.innerHeight + 400) {
      draw(el, chart);
    } else {
      observer.observe(el);
    }
  });
})();
