(function () {
  'use strict';
  // the pairs table: filter by verdict, sort by a column (numbers by their data-value)
  var table = document.getElementById('pairs');
  if (table) {
    var body = table.tBodies[0];
    var buttons = document.querySelectorAll('button[data-filter]');
    buttons.forEach(function (b) {
      b.addEventListener('click', function () {
        var verdict = b.getAttribute('data-filter');
        Array.prototype.forEach.call(body.rows, function (r) {
          r.hidden = verdict !== 'ALL' && r.getAttribute('data-verdict') !== verdict;
        });
        buttons.forEach(function (x) { x.setAttribute('aria-pressed', x === b ? 'true' : 'false'); });
      });
    });
    table.querySelectorAll('th[data-sort]').forEach(function (th) {
      th.addEventListener('click', function () {
        var index = th.cellIndex;
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        table.querySelectorAll('th[data-sort]').forEach(function (x) { x.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[index].getAttribute('data-value') || a.cells[index].textContent.trim();
          var y = b.cells[index].getAttribute('data-value') || b.cells[index].textContent.trim();
          var nx = parseFloat(x), ny = parseFloat(y);
          var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
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
    return points(chart, chart.cloudwatch).map(function (p) {
      return { x: p.x, y: p.y === null ? null : sign * Math.max(chart.absolute, chart.relative * Math.abs(p.y)) };
    });
  }
  function options(c, yTitle) {
    return {
      animation: false, parsing: false, normalized: true, responsive: true, maintainAspectRatio: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: { type: 'linear', min: c.start, max: c.end, ticks: { maxTicksLimit: 8, callback: function (v) { return time(v) + ' UTC'; } } },
        y: { title: { display: true, text: yTitle } }
      },
      plugins: { legend: { position: 'bottom' },
        tooltip: { callbacks: { title: function (items) { return items.length ? time(items[0].parsed.x) + ' UTC' : ''; } } } }
    };
  }
  function draw(el, c) {
    var cwSlots = slots(c.cloudwatch);
    var marks = c.discrepancies.map(function (k) {
      var j = cwSlots.indexOf(k);
      return { x: c.start + k * c.step, y: j >= 0 ? c.cloudwatch.v[j] : null };
    }).filter(function (p) { return p.y !== null; });
    new Chart(el.querySelector('canvas.overlay'), { type: 'line', data: { datasets: [
      { label: 'CloudWatch', data: points(c, c.cloudwatch), borderColor: '#0969da', backgroundColor: '#0969da', borderWidth: 1.5, pointRadius: 0, spanGaps: false },
      { label: 'Prometheus (x unit factor)', data: points(c, c.prometheus), borderColor: '#bc4c00', backgroundColor: '#bc4c00', borderWidth: 1.5, pointRadius: 0, spanGaps: false },
      { label: 'discrepancy', type: 'scatter', data: marks, borderColor: '#cf222e', backgroundColor: '#cf222e', pointRadius: 3 }
    ] }, options: options(c, c.unit || 'value') });
    new Chart(el.querySelector('canvas.residual'), { type: 'line', data: { datasets: [
      { label: 'Prometheus - CloudWatch', data: points(c, c.residual), borderColor: '#57606a', borderWidth: 1, pointRadius: 0, spanGaps: false },
      { label: 'tolerance', data: band(c, 1), borderColor: '#1a7f37', borderDash: [4, 3], borderWidth: 1, pointRadius: 0, spanGaps: false, fill: false },
      { label: '- tolerance', data: band(c, -1), borderColor: '#1a7f37', borderDash: [4, 3], borderWidth: 1, pointRadius: 0, spanGaps: false, fill: '-1', backgroundColor: 'rgba(26,127,55,0.08)' }
    ] }, options: options(c, 'difference') });
    el.setAttribute('data-drawn', 'true');
  }
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
