// The statistics panel's page. Plain DOM (textContent only: corpus text is never parsed as HTML),
// state in getState/setState, charts in SVG coloured by the theme's CSS variables.
(() => {
  const vscode = globalThis.acquireVsCodeApi();
  const PAGE = 50;
  const TABS = ['words', 'ngrams', 'collocates', 'keywords', 'trends', 'rising', 'dispersion'];
  /** @type {any} */
  let state = vscode.getState() || {};
  /** @type {Record<string, string>} */
  let t = {};
  /** @type {{key: string, name: string, articles: number, size: string}[]} */
  let dumps = [];
  /** @type {Record<string, any>} */
  const results = {};
  let seq = 0;
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));

  const save = () => vscode.setState(state);
  const el = (tag, attrs = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'text') e.textContent = String(v);
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (v !== undefined && v !== false) e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c) e.append(c);
    return e;
  };
  const svg = (tag, attrs = {}) => {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    return e;
  };
  const setting = (name, fallback) => state[name] ?? fallback;
  const field = (label, name, fallback, kind = 'text', options) => {
    const id = `f-${name}`;
    let input;
    if (options) {
      input = el('select', {
        id,
        onchange: (e) => {
          state[name] = e.target.value;
          save();
        },
      });
      for (const [value, text] of options)
        input.append(el('option', { value, text, selected: String(setting(name, fallback)) === value }));
    } else if (kind === 'checkbox') {
      input = el('input', {
        id,
        type: 'checkbox',
        checked: setting(name, fallback),
        onchange: (e) => {
          state[name] = e.target.checked;
          save();
        },
      });
    } else if (kind === 'textarea') {
      input = el('textarea', {
        id,
        rows: 3,
        oninput: (e) => {
          state[name] = e.target.value;
          save();
        },
      });
      input.value = setting(name, fallback);
    } else {
      input = el('input', {
        id,
        type: kind,
        value: setting(name, fallback),
        oninput: (e) => {
          state[name] = e.target.value;
          save();
        },
      });
    }
    return el('label', { for: id, class: 'field' }, el('span', { text: label }), input);
  };
  const num = (name, fallback) => Number(setting(name, fallback)) || fallback;

  function subset() {
    return {
      query: setting('subset', ''),
      from: setting('from', ''),
      to: setting('to', ''),
      source: setting('source', ''),
    };
  }
  function stopWords() {
    return setting('stopWords', true) ? 'default' : 'none';
  }
  /** The request a tab sends. */
  function requestFor(tab) {
    const base = { subset: subset(), stopWords: stopWords() };
    const q = setting('query', '');
    switch (tab) {
      case 'words':
        return { ...base, stat: 'words', minFreq: num('minFreq', 1) };
      case 'ngrams':
        return { ...base, stat: 'words', n: num('n', 2), minFreq: num('minFreq', 1) };
      case 'collocates':
        return {
          ...base,
          stat: 'collocates',
          query: q,
          left: num('left', 5),
          right: num('right', 5),
          minFreq: num('minFreq', 3),
          sortBy: setting('colSort', 'logDice'),
          limit: 1000,
        };
      case 'keywords':
        return {
          ...base,
          stat: 'keywords',
          sortBy: setting('kwSort', 'll'),
          simpleMathsN: num('smN', 1),
          minFreq: num('minFreq', 3),
          limit: 1000,
        };
      case 'trends':
        return {
          ...base,
          stat: 'trends',
          queries: String(setting('queries', q))
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean),
          by: setting('by', 'month'),
        };
      case 'rising':
        return { ...base, stat: 'rising', by: setting('by', 'month'), limit: 100 };
      case 'dispersion':
        // A few thousand marks draw the same plot as millions, and cross to the page in milliseconds.
        return { ...base, stat: 'dispersion', query: q, limit: 5000 };
    }
  }
  function needsQuery(tab) {
    if (tab === 'collocates' || tab === 'dispersion') return !String(setting('query', '')).trim();
    return tab === 'trends' && !String(setting('queries', setting('query', ''))).trim();
  }

  function compute() {
    const tab = state.tab;
    if (needsQuery(tab)) return render();
    const mine = ++seq;
    results[tab] = { pending: mine };
    render();
    // Keywords against another listed dump (the host counts both dumps' words on their own workers).
    const reference = tab === 'keywords' ? setting('kwReference', '') : '';
    const referenceDump = dumps.some((d) => d.key === reference && d.key !== state.dump) ? reference : undefined;
    vscode.postMessage({ type: 'compute', seq: mine, tab, dump: state.dump, request: requestFor(tab), referenceDump });
  }

  function tabBar() {
    const bar = el('div', { role: 'tablist', 'aria-label': t.chart ? 'Statistics' : '' });
    TABS.forEach((tab, i) => {
      const selected = state.tab === tab;
      bar.append(
        el('button', {
          role: 'tab',
          id: `tab-${tab}`,
          'aria-selected': String(selected),
          'aria-controls': 'tabpanel',
          tabindex: selected ? 0 : -1,
          text: t[tab] || tab,
          onclick: () => select(tab),
          onkeydown: (e) => {
            const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
            if (!d) return;
            e.preventDefault();
            select(TABS[(i + d + TABS.length) % TABS.length]);
            document.getElementById(`tab-${state.tab}`)?.focus();
          },
        }),
      );
    });
    return bar;
  }
  function select(tab) {
    state.tab = tab;
    save();
    vscode.postMessage({ type: 'shown', tab });
    if (!results[tab]) compute();
    else render();
  }

  function settingsFor(tab) {
    const box = el('div', { class: 'settings' });
    const stop = field(t.stopWords, 'stopWords', true, 'checkbox');
    if (tab === 'words') box.append(field(t.minFreq, 'minFreq', 1, 'number'), stop);
    if (tab === 'ngrams')
      box.append(
        field(t.n, 'n', '2', 'text', [
          ['2', '2'],
          ['3', '3'],
          ['4', '4'],
        ]),
        field(t.minFreq, 'minFreq', 1, 'number'),
        stop,
      );
    if (tab === 'collocates')
      box.append(
        field(t.query, 'query', ''),
        field(t.left, 'left', 5, 'number'),
        field(t.right, 'right', 5, 'number'),
        field(t.minFreq, 'minFreq', 3, 'number'),
        field(t.sortBy, 'colSort', 'logDice', 'text', [
          ['logDice', 'logDice'],
          ['mi', 'MI'],
          ['ll', 'log-likelihood'],
          ['t', 't-score'],
        ]),
        stop,
      );
    if (tab === 'keywords')
      box.append(
        field(t.sortBy, 'kwSort', 'll', 'text', [
          ['ll', 'log-likelihood'],
          ['logRatio', 'log ratio'],
          ['simpleMaths', 'simple maths'],
        ]),
        field(t.reference, 'kwReference', '', 'text', [
          ['', t.restOfDump],
          ...dumps.filter((d) => d.key !== state.dump).map((d) => [d.key, d.name]),
        ]),
        field('N', 'smN', 1, 'number'),
        field(t.minFreq, 'minFreq', 3, 'number'),
        stop,
      );
    const periods = [
      ['day', 'day'],
      ['week', 'week'],
      ['month', 'month'],
      ['year', 'year'],
    ];
    if (tab === 'trends')
      box.append(
        field(t.queries, 'queries', setting('query', ''), 'textarea'),
        field(t.by, 'by', 'month', 'text', periods),
      );
    if (tab === 'rising') box.append(field(t.by, 'by', 'month', 'text', periods), stop);
    if (tab === 'dispersion') box.append(field(t.query, 'query', ''));
    box.append(
      el('button', {
        class: 'primary',
        text: t.compute,
        onclick: () => {
          delete results[state.tab];
          compute();
        },
      }),
    );
    return box;
  }

  function subsetBar() {
    const dumpSelect = el('select', {
      id: 'f-dump',
      onchange: (e) => {
        state.dump = e.target.value;
        save();
        // The host keeps the choice, so a change in the listed dumps does not switch back to the active editor's.
        vscode.postMessage({ type: 'dump', dump: state.dump });
        for (const k of Object.keys(results)) delete results[k];
        compute();
      },
    });
    for (const d of dumps)
      dumpSelect.append(el('option', { value: d.key, text: `${d.name} (${d.size})`, selected: d.key === state.dump }));
    const r = results[state.tab];
    const size = r?.reply ? r.size : '';
    return el(
      'section',
      { class: 'subset', 'aria-label': t.subset },
      el('label', { for: 'f-dump', class: 'field' }, el('span', { text: t.dump }), dumpSelect),
      field(t.subset, 'subset', ''),
      field(t.from, 'from', ''),
      field(t.to, 'to', ''),
      field(t.source, 'source', ''),
      el('output', { id: 'subset-size', text: size }),
    );
  }

  /** The query a clicked number opens in the concordance. */
  function concordanceQuery(tab, row, columns) {
    const folded = row[columns.indexOf('folded')];
    const q = setting('query', '');
    const phrase = (s) => (String(s).includes(' ') ? `"${s}"` : String(s));
    if (tab === 'words' || tab === 'ngrams' || tab === 'keywords' || tab === 'rising') return phrase(folded);
    if (tab === 'collocates') return `${q} ${folded}`;
    if (tab === 'trends') {
      const period = String(row[columns.indexOf('period')]);
      return /W/.test(period) ? row[0] : `${row[0]} date:${period}`;
    }
    return undefined;
  }

  function table(tab, reply) {
    const { columns } = reply.table;
    const sort = state[`sort-${tab}`] || { col: -1, dir: 1 };
    let rows = reply.table.rows.slice();
    if (sort.col >= 0)
      rows.sort((a, b) => {
        const x = a[sort.col];
        const y = b[sort.col];
        return (
          (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi')) * sort.dir
        );
      });
    const pages = Math.max(1, Math.ceil(rows.length / PAGE));
    const page = Math.min(state[`page-${tab}`] || 0, pages - 1);
    rows = rows.slice(page * PAGE, page * PAGE + PAGE);
    const head = el('tr');
    // A column is numeric when its first row's cell is: its header right-aligned over its numbers.
    const numeric = columns.map((_, i) => typeof reply.table.rows[0]?.[i] === 'number');
    columns.forEach((c, i) => {
      const dir = sort.col === i ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none';
      head.append(
        el(
          'th',
          { scope: 'col', 'aria-sort': dir, class: numeric[i] ? 'num' : undefined },
          el(
            'button',
            {
              class: 'sort',
              onclick: () => {
                state[`sort-${tab}`] = {
                  col: i,
                  dir: sort.col === i ? -sort.dir : typeof reply.table.rows[0]?.[i] === 'number' ? -1 : 1,
                };
                state[`page-${tab}`] = 0;
                save();
                render();
                document.querySelectorAll('th button')[i]?.focus();
              },
            },
            ...breakable(c),
            dir === 'ascending' ? ' ▲' : dir === 'descending' ? ' ▼' : '',
          ),
        ),
      );
    });
    const body = el('tbody');
    for (const row of rows) {
      const tr = el('tr');
      row.forEach((cell, i) => {
        const text = cell === null || cell === undefined ? '' : String(cell);
        const clickable = typeof cell === 'number' && ['freq', 'observed', 'focus', 'hits'].includes(columns[i]);
        if (tab === 'dispersion' && columns[i] === 'article')
          tr.append(
            el(
              'td',
              { class: 'num' },
              el('button', {
                class: 'link',
                text,
                onclick: () => vscode.postMessage({ type: 'openArticle', dump: state.dump, index: cell }),
              }),
            ),
          );
        else if (clickable) {
          const query = concordanceQuery(tab, row, columns);
          tr.append(
            el(
              'td',
              { class: 'num' },
              query
                ? el('button', {
                    class: 'link',
                    text,
                    title: query,
                    onclick: () => vscode.postMessage({ type: 'concordance', query }),
                  })
                : text,
            ),
          );
        } else tr.append(el('td', { class: typeof cell === 'number' ? 'num' : '', text }));
      });
      body.append(tr);
    }
    const go = (p) => {
      state[`page-${tab}`] = p;
      save();
      render();
    };
    const pager = el(
      'nav',
      { class: 'pager', 'aria-label': 'pages' },
      el('button', { text: t.previous, disabled: page === 0, onclick: () => go(page - 1) }),
      el('span', { text: t.page.replace('{0}', String(page + 1)).replace('{1}', String(pages)) }),
      el('button', { text: t.next, disabled: page >= pages - 1, onclick: () => go(page + 1) }),
      el('button', {
        text: t.export,
        onclick: () =>
          vscode.postMessage({
            type: 'export',
            tab,
            name: `${tab}-${setting('query', '') || 'corpus'}`,
            sort: state[`sort-${tab}`],
          }),
      }),
    );
    return el(
      'div',
      {},
      pager,
      // Wide tables scroll inside their own region (reachable by Tab, scrolled by arrow keys), never
      // past the panel's edge.
      el(
        'div',
        { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t[tab] },
        el(
          'table',
          {},
          el('caption', { text: `${t[tab]} — ${tab === 'dispersion' ? t.openArticleHint : t.openHint}` }),
          el('thead', {}, head),
          body,
        ),
      ),
    );
  }

  /**
   * A column name with a line-break opportunity after each underscore (`reference_⏎per_⏎million`):
   * long headers fold onto lines instead of widening their column; the text read stays the name.
   */
  function breakable(name) {
    return name.split(/(?<=_)/).flatMap((part, i) => (i ? [el('wbr'), part] : [part]));
  }

  function trendChart(reply) {
    const rows = reply.table.rows;
    const series = [...new Set(rows.map((r) => r[0]))];
    const periods = [...new Set(rows.map((r) => r[1]))];
    if (periods.length < 2) return undefined;
    const W = 640;
    const H = 200;
    const max = Math.max(1, ...rows.map((r) => r[3]));
    const chart = svg('svg', {
      viewBox: `0 0 ${W} ${H + 20}`,
      role: 'img',
      'aria-label': `${t.chart}: ${series.join(', ')}`,
      class: 'chart',
    });
    chart.append(svg('line', { x1: 0, y1: H, x2: W, y2: H, class: 'axis' }));
    series.forEach((s, k) => {
      const points = rows
        .filter((r) => r[0] === s)
        .map((r) => `${(periods.indexOf(r[1]) / (periods.length - 1)) * W},${H - (r[3] / max) * (H - 10)}`);
      chart.append(svg('polyline', { points: points.join(' '), class: `series s${k % 6}` }));
      const label = svg('text', { x: 4, y: 14 + 14 * k, class: `legend s${k % 6}` });
      label.textContent = `${s}`;
      chart.append(label);
    });
    const first = svg('text', { x: 0, y: H + 16, class: 'tick' });
    first.textContent = String(periods[0]);
    const last = svg('text', { x: W, y: H + 16, class: 'tick', 'text-anchor': 'end' });
    last.textContent = String(periods[periods.length - 1]);
    chart.append(first, last);
    return chart;
  }

  function dispersionChart(reply) {
    const W = 640;
    const chart = svg('svg', {
      viewBox: `0 0 ${W} 40`,
      role: 'img',
      'aria-label': `${t.chart}: ${reply.table.rows.length}`,
      class: 'chart',
    });
    chart.append(svg('rect', { x: 0, y: 5, width: W, height: 30, class: 'band' }));
    for (const r of reply.table.rows) {
      const mark = svg('line', { x1: r[0] * W, x2: r[0] * W, y1: 5, y2: 35, class: 'mark' });
      const title = svg('title', {});
      title.textContent = `${r[2]} ${r[3] || ''}`;
      mark.append(title);
      mark.addEventListener('click', () => vscode.postMessage({ type: 'openArticle', dump: state.dump, index: r[1] }));
      chart.append(mark);
    }
    return chart;
  }

  function render() {
    if (!state.tab) state.tab = 'words';
    const tab = state.tab;
    const r = results[tab];
    const panel = el(
      'section',
      { id: 'tabpanel', role: 'tabpanel', 'aria-labelledby': `tab-${tab}` },
      settingsFor(tab),
    );
    if (needsQuery(tab)) panel.append(el('p', { class: 'note', text: t.query }));
    else if (r?.pending) panel.append(el('p', { class: 'note', role: 'status', text: t.computing }));
    else if (r?.error) panel.append(el('p', { class: 'error', role: 'alert', text: r.error }));
    else if (r?.reply) {
      for (const note of r.reply.notes) panel.append(el('p', { class: 'note', text: note }));
      const chart =
        tab === 'trends' ? trendChart(r.reply) : tab === 'dispersion' ? dispersionChart(r.reply) : undefined;
      if (chart) panel.append(chart);
      panel.append(r.reply.table.rows.length ? table(tab, r.reply) : el('p', { class: 'note', text: t.none }));
    }
    const focused = document.activeElement?.id;
    app.replaceChildren(subsetBar(), tabBar(), panel);
    if (focused) document.getElementById(focused)?.focus();
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'init') {
      t = m.strings;
      dumps = m.dumps;
      const incoming = m.state || {};
      const changed = incoming.query !== undefined && incoming.query !== state.query;
      state = { ...state, ...Object.fromEntries(Object.entries(incoming).filter(([, v]) => v !== undefined)) };
      if (changed) state.queries = incoming.query;
      state.tab = TABS.includes(state.tab) ? state.tab : 'words';
      save();
      vscode.postMessage({ type: 'shown', tab: state.tab });
      for (const k of Object.keys(results)) delete results[k];
      compute();
    } else if (m.type === 'select' && TABS.includes(m.tab)) {
      select(m.tab);
    } else if (m.type === 'result' || m.type === 'error') {
      const tab = Object.keys(results).find((k) => results[k].pending === m.seq);
      if (!tab) return;
      results[tab] = m.type === 'result' ? { reply: m.reply, size: m.size } : { error: m.message };
      render();
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
