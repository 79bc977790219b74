// thaigraph explorer: a page for people over the public API (api/openapi.yaml) and nothing
// else. Plain JavaScript, no build step; every view is a hash route so the back button, links
// and bookmarks work:
//   #/search?q=&type=&from=&to=   search with suggestions, snippets and facet filters
//   #/organisation/ID             aliases, office holders over time, collaborators, graph
//   #/collaboration?a=NAME&b=NAME two organisations' events on a time axis
//   #/document/ID                 the text with its mentions highlighted
//   #/person/ID, #/event/ID, #/place/ID, #/programme/ID
'use strict';

(() => {
  const view = document.getElementById('view');
  const statusLine = document.getElementById('status');
  const tooltip = document.getElementById('tooltip');
  const input = document.getElementById('q');
  const suggestions = document.getElementById('suggestions');
  const SVG = 'http://www.w3.org/2000/svg';

  const TYPE_LABELS = {
    document: 'ข่าว', organisation: 'องค์กร', person: 'บุคคล', place: 'สถานที่',
    programme: 'โครงการ', event: 'กิจกรรม', all: 'ทั้งหมด',
  };
  const KIND_LABELS = {
    meeting: 'ประชุม', conference: 'สัมมนา', agreement: 'ลงนามความร่วมมือ', training: 'อบรม',
    ceremony: 'พิธี', visit: 'เยี่ยมชม', programme: 'โครงการ', announcement: 'ประกาศ', other: 'อื่น ๆ',
  };

  // ---- small helpers -------------------------------------------------------------------

  // An element with attributes and children (strings become text, never HTML).
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    append(node, children);
    return node;
  }
  function svg(tag, attrs = {}, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, String(v));
    }
    append(node, children);
    return node;
  }
  function append(node, children) {
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }

  // A list from the API, whether bare or in the {items, total, next_cursor, next} envelope.
  const items = (x) => (Array.isArray(x) ? x : (x && Array.isArray(x.items) ? x.items : []));
  const total = (x) => (x && typeof x.total === 'number' ? x.total : items(x).length);
  const nameOf = (x) => (x && (x.name || x.label || x.title)) || '';

  // Every item of a list, following its `next` links (at most `pages` of them).
  async function everything(list, pages = 20) {
    const out = [...items(list)];
    let next = list && list.next;
    for (let i = 0; next && i < pages; i++) {
      const page = await api(next);
      out.push(...items(page));
      next = page.next;
    }
    return out;
  }

  const ENTITY_ROUTES = {
    organisation: 'organisation', person: 'person', place: 'place', programme: 'programme',
    event: 'event', document: 'document',
  };
  const typeOfId = (id) => ({ org: 'organisation', per: 'person', plc: 'place', prg: 'programme',
    evt: 'event' })[String(id).split('_')[0]] || 'document';
  const hrefFor = (type, id) => `#/${ENTITY_ROUTES[type] || typeOfId(id)}/${encodeURIComponent(id)}`;
  const link = (type, id, label) => el('a', { href: hrefFor(type, id) }, label || id);

  function formatDate(date) {
    if (!date) return 'ไม่ระบุวันที่';
    return date; // ISO 8601 at its precision: unambiguous in both languages
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super(problem && (problem.detail || problem.title) || `HTTP ${status}`);
      this.status = status;
      this.problem = problem;
    }
  }

  async function api(path, params = {}) {
    const url = new URL(path, location.origin);
    for (const [k, v] of Object.entries(params)) {
      if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
    }
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await res.json().catch(() => null);
    if (!res.ok) throw new ApiError(res.status, body);
    return body;
  }

  // The snippet is HTML with <mark> around matched words; only text and <mark> are kept.
  function snippetNode(html) {
    const template = document.createElement('template');
    template.innerHTML = html || '';
    const out = el('p', { class: 'snippet' });
    const walk = (from, to) => {
      for (const n of from.childNodes) {
        if (n.nodeType === Node.TEXT_NODE) to.append(n.textContent);
        else if (n.nodeName === 'MARK') walk(n, to.appendChild(document.createElement('mark')));
        else walk(n, to);
      }
    };
    walk(template.content, out);
    return out;
  }

  function setStatus(text, isError = false) {
    statusLine.textContent = text || '';
    statusLine.classList.toggle('error', isError);
  }

  function show(...nodes) {
    view.replaceChildren(...nodes.flat().filter(Boolean));
    hideTooltip();
  }

  // ---- tooltip (hover and keyboard focus alike) ----------------------------------------

  function showTooltip(target, content) {
    tooltip.replaceChildren(...content);
    tooltip.hidden = false;
    const r = target.getBoundingClientRect();
    const t = tooltip.getBoundingClientRect();
    const left = Math.min(Math.max(8, r.left + r.width / 2 - t.width / 2),
      window.innerWidth - t.width - 8);
    const top = r.top - t.height - 10 > 8 ? r.top - t.height - 10 : r.bottom + 10;
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${top}px`;
  }
  function hideTooltip() { tooltip.hidden = true; }
  function withTooltip(node, content) {
    const open = () => showTooltip(node, content());
    node.addEventListener('mouseenter', open);
    node.addEventListener('focus', open);
    node.addEventListener('mouseleave', hideTooltip);
    node.addEventListener('blur', hideTooltip);
    return node;
  }
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hideTooltip(); });
  window.addEventListener('scroll', hideTooltip, { passive: true });

  // ---- search box with suggestions (ARIA combobox) -------------------------------------

  let suggestTimer = 0;
  let suggestSeq = 0;
  let active = -1;

  function closeSuggestions() {
    suggestions.hidden = true;
    suggestions.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function highlight(index) {
    const options = [...suggestions.children];
    active = options.length ? (index + options.length) % options.length : -1;
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) input.setAttribute('aria-activedescendant', options[active].id);
  }

  async function suggest(prefix) {
    const seq = ++suggestSeq;
    let list;
    try {
      list = items(await api('/v1/search/suggest', { q: prefix }));
    } catch {
      list = [];
    }
    if (seq !== suggestSeq || input.value.trim() !== prefix) return;
    suggestions.replaceChildren(...list.slice(0, 8).map((s, i) => el('li', {
      id: `suggestion-${i}`, role: 'option', 'aria-selected': 'false',
      onmousedown: (e) => { e.preventDefault(); go(hrefFor(s.type, s.id)); },
    }, el('span', { class: 'type' }, TYPE_LABELS[s.type] || s.type),
    el('span', {}, nameOf(s)), s.matched && s.matched !== nameOf(s)
      ? el('span', { class: 'meta' }, s.matched) : null)));
    suggestions.dataset.targets = JSON.stringify(list.slice(0, 8).map((s) => hrefFor(s.type, s.id)));
    const open = list.length > 0;
    suggestions.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    active = -1;
  }

  input.addEventListener('input', () => {
    clearTimeout(suggestTimer);
    const prefix = input.value.trim();
    if (!prefix) { closeSuggestions(); return; }
    suggestTimer = setTimeout(() => suggest(prefix), 150);
  });
  input.addEventListener('keydown', (e) => {
    if (suggestions.hidden) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); highlight(active + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(active - 1); }
    else if (e.key === 'Escape') { closeSuggestions(); }
    else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      go(JSON.parse(suggestions.dataset.targets)[active]);
    }
  });
  input.addEventListener('blur', () => setTimeout(closeSuggestions, 100));
  document.getElementById('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = input.value.trim();
    if (q) go(`#/search?${new URLSearchParams({ q })}`);
  });

  function go(hash) {
    closeSuggestions();
    if (location.hash === hash) route();
    else location.hash = hash;
  }

  // ---- views -----------------------------------------------------------------------------

  function home() {
    show(el('section', { class: 'card' },
      el('h1', {}, 'สำรวจข่าวไทยเป็นกราฟความรู้'),
      el('p', {}, 'ค้นหาองค์กร บุคคล สถานที่ หรือข่าว แล้วดูว่าใครทำงานร่วมกับใคร เมื่อใด และข่าวใดบอกไว้'),
      el('p', { class: 'meta' }, 'Search organisations, people, places and articles; see who ',
        'worked with whom, when, and which article says so.')));
    input.focus();
  }

  const SEARCH_TYPES = ['all', 'document', 'organisation', 'person', 'event', 'place', 'programme'];

  async function search(params) {
    const q = params.get('q') || '';
    const type = params.get('type') || 'all';
    const from = params.get('from') || '';
    const to = params.get('to') || '';
    input.value = q;
    const update = (changes) => {
      const next = new URLSearchParams(params);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v); else next.delete(k);
      }
      go(`#/search?${next}`);
    };
    const facets = el('div', { class: 'facets', role: 'group', 'aria-label': 'ตัวกรอง / Filters' },
      SEARCH_TYPES.map((t) => el('button', {
        type: 'button', class: 'chip', 'aria-pressed': String(t === type),
        onclick: () => update({ type: t === 'all' ? '' : t }),
      }, TYPE_LABELS[t])));
    const range = el('form', { class: 'facets', onsubmit: (e) => {
      e.preventDefault();
      update({ from: e.target.from.value.trim(), to: e.target.to.value.trim() });
    } },
    el('label', { for: 'from' }, 'ตั้งแต่'),
    el('input', { id: 'from', name: 'from', value: from, placeholder: 'YYYY', inputmode: 'numeric' }),
    el('label', { for: 'to' }, 'ถึง'),
    el('input', { id: 'to', name: 'to', value: to, placeholder: 'YYYY', inputmode: 'numeric' }),
    el('button', { type: 'submit', class: 'chip' }, 'กรองช่วงเวลา'));
    const results = el('section', { class: 'card', 'aria-label': 'ผลการค้นหา / Results' });
    show(el('h1', {}, `ผลการค้นหา “${q}”`), facets, range, results);
    setStatus('กำลังค้นหา…');
    const body = await api('/v1/search', { q, type, from, to, limit: 20 });
    const hits = items(body);
    setStatus(`พบ ${total(body)} รายการ`);
    if (!hits.length) {
      results.append(el('p', {}, 'ไม่พบผลลัพธ์'));
      return;
    }
    for (const hit of hits) {
      results.append(el('article', { class: 'hit' },
        el('div', {}, el('span', { class: 'tag' }, TYPE_LABELS[hit.type] || hit.type), ' ',
          el('a', { class: 'title', href: hrefFor(hit.type, hit.id) }, hit.title || hit.name || hit.id),
          hit.published ? el('span', { class: 'meta' }, ` · ${hit.published}`) : null),
        snippetNode(hit.snippet)));
    }
  }

  // A small radial graph around the focus: its neighbours on a ring, one edge each.
  async function neighbourhood(focusId) {
    const card = el('section', { class: 'card graph', 'aria-label': 'กราฟความสัมพันธ์ / Graph' },
      el('h2', {}, 'ความสัมพันธ์รอบตัว'));
    let graph;
    try {
      graph = await api('/v1/graph', { focus: focusId, depth: 1 });
    } catch (e) {
      card.append(el('p', { class: 'meta' }, e.message));
      return card;
    }
    const nodes = items(graph.nodes);
    const edges = items(graph.edges);
    const size = 420;
    const c = size / 2;
    const others = nodes.filter((n) => n.id !== focusId).slice(0, 24);
    const pos = new Map([[focusId, [c, c]]]);
    others.forEach((n, i) => {
      const angle = (2 * Math.PI * i) / Math.max(others.length, 1) - Math.PI / 2;
      pos.set(n.id, [c + Math.cos(angle) * (c - 70), c + Math.sin(angle) * (c - 50)]);
    });
    const picture = svg('svg', { viewBox: `0 0 ${size} ${size}`, role: 'img',
      'aria-label': `${others.length} เชื่อมโยง` });
    for (const e of edges) {
      const a = pos.get(e.source);
      const b = pos.get(e.target);
      if (a && b) picture.append(svg('line', { class: 'edge', x1: a[0], y1: a[1], x2: b[0], y2: b[1] }));
    }
    for (const n of [nodes.find((x) => x.id === focusId), ...others].filter(Boolean)) {
      const [x, y] = pos.get(n.id);
      const full = nameOf(n);
      const label = full.length > 18 ? `${full.slice(0, 17)}…` : full;
      const anchor = svg('a', { href: hrefFor(n.type, n.id) },
        svg('title', {}, full),
        svg('circle', { cx: x, cy: y, r: n.id === focusId ? 11 : 8 }),
        svg('text', { x, y: y + 22, 'text-anchor': 'middle' }, label));
      picture.append(svg('g', { class: `node ${n.type}${n.id === focusId ? ' focus' : ''}` }, anchor));
    }
    card.append(picture);
    return card;
  }

  function eventLine(ev) {
    return el('li', {},
      el('time', { datetime: ev.date || '' }, formatDate(ev.date)),
      el('a', { href: hrefFor('event', ev.id) }, ev.title || ev.id),
      ev.kind ? el('span', { class: 'tag' }, KIND_LABELS[ev.kind] || ev.kind) : null);
  }

  async function organisation(id) {
    const org = await api(`/v1/organisations/${encodeURIComponent(id)}`);
    const names = [...items(org.abbreviations), ...items(org.aliases)];
    // A tenure names its person and when it was first and last reported.
    const since = (p) => p.first_seen || p.as_of || '';
    const people = items(org.people).slice().sort((p, q) => since(p).localeCompare(since(q)));
    const collaborators = items(org.collaborators);
    const header = el('section', { class: 'card' },
      el('h1', {}, org.name),
      names.length ? el('p', {}, el('span', { class: 'meta' }, 'ชื่ออื่น: '), names.join(' · ')) : null,
      el('p', { class: 'meta' }, [org.kind, `${org.document_count ?? total(org.documents)} ข่าว`,
        org.parent ? `สังกัด ${org.parent.name}` : null].filter(Boolean).join(' · ')),
      org.parent ? el('p', {}, 'สังกัด: ', link('organisation', org.parent.id, org.parent.name)) : null);
    const holders = el('section', { class: 'card holders' }, el('h2', {}, 'ผู้ดำรงตำแหน่ง'),
      people.length ? el('ul', { class: 'plain' }, people.map((p) => {
        const who = p.person || p;
        const span = p.last_seen && p.last_seen !== since(p) ? `${since(p)} – ${p.last_seen}` : since(p);
        return el('li', {}, el('time', { datetime: since(p) }, formatDate(span)),
          link('person', who.id, who.name), p.title ? ` — ${p.title}` : '');
      })) : el('p', { class: 'meta' }, 'ไม่มีข้อมูล'));
    const partners = el('section', { class: 'card' }, el('h2', {}, 'องค์กรที่ทำงานร่วมกัน'),
      collaborators.length ? el('ul', { class: 'plain' }, collaborators.map((c) => {
        const other = c.organisation || c;
        const query = new URLSearchParams({ a: org.name, b: other.name });
        return el('li', {}, link('organisation', other.id, other.name), ' ',
          el('span', { class: 'meta' }, `${c.event_count} กิจกรรม · ${c.first || '?'} – ${c.last || '?'}`), ' ',
          el('a', { href: `#/collaboration?${query}`, class: 'tag' }, 'ไทม์ไลน์'));
      })) : el('p', { class: 'meta' }, 'ไม่มีข้อมูล'));
    const events = el('section', { class: 'card events-list' }, el('h2', {}, 'กิจกรรม'),
      el('ul', { class: 'plain' }, items(org.events).map(eventLine)));
    const documents = el('section', { class: 'card' }, el('h2', {}, 'ข่าวที่กล่าวถึง'),
      el('ul', { class: 'plain' }, items(org.documents).map((d) =>
        el('li', {}, typeof d === 'string' ? link('document', d) : link('document', d.id, d.title)))));
    show(header, el('div', { class: 'grid' },
      el('div', {}, holders, partners, events),
      el('div', {}, await neighbourhood(org.id), documents)));
    document.title = `${org.name} · thaigraph`;
  }

  // Two organisations' events on a time axis: one mark per event, its evidence on hover/focus.
  async function collaboration(params) {
    const a = params.get('a');
    const b = params.get('b');
    const body = await api('/v1/collaborations', { a, b });
    const all = await everything(body.events || body);
    const events = all.filter((e) => e.date);
    const undated = all.filter((e) => !e.date);
    const card = el('section', { class: 'card timeline' },
      el('h1', {}, link('organisation', body.a.id, body.a.name), ' × ',
        link('organisation', body.b.id, body.b.name)),
      el('p', { class: 'meta' }, `${all.length} กิจกรรมร่วมกัน`));
    if (events.length) card.append(timelineSvg(events));
    const list = el('ol', { class: 'plain events-list', 'aria-label': 'กิจกรรมตามลำดับเวลา' },
      [...events, ...undated].map((ev) => el('li', { 'data-event': ev.id },
        el('time', { datetime: ev.date || '' }, formatDate(ev.date)),
        el('a', { href: hrefFor('event', ev.id) }, ev.title || ev.id),
        ev.kind ? el('span', { class: 'tag' }, KIND_LABELS[ev.kind] || ev.kind) : null,
        items(ev.evidence).slice(0, 1).map((x) => el('p', { class: 'evidence' }, x.sentence, ' ',
          link('document', x.document_id, 'ข่าว'))))));
    card.append(list);
    show(card);
  }

  const dayOf = (date) => {
    const [y, m = '07', d = '01'] = date.split('-');
    return Date.UTC(Number(y), Number(m) - 1, Number(d)) / 86400000;
  };

  function timelineSvg(events) {
    // As wide as the card, so labels keep their size on a phone instead of shrinking with it.
    const width = Math.round(Math.max(320, Math.min(900, view.clientWidth - 34)));
    const height = 150;
    const pad = width < 500 ? 44 : 60;
    const days = events.map((e) => dayOf(e.date));
    const lo = Math.min(...days);
    const hi = Math.max(...days);
    const span = Math.max(hi - lo, 1);
    const x = (d) => (events.length === 1 ? width / 2 : pad + ((d - lo) / span) * (width - 2 * pad));
    const axisY = 70;
    const picture = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'group',
      'aria-label': 'เส้นเวลา / Timeline' },
    svg('line', { class: 'axis', x1: pad / 2, y1: axisY, x2: width - pad / 2, y2: axisY }));
    const loYear = new Date(lo * 86400000).getUTCFullYear();
    const hiYear = new Date(hi * 86400000).getUTCFullYear();
    const step = Math.max(1, Math.ceil((hiYear - loYear + 1) / 8));
    for (let year = loYear; year <= hiYear + 1 && events.length > 1; year += step) {
      const d = Date.UTC(year, 0, 1) / 86400000;
      if (d < lo - 1 || d > hi + 1) continue;
      picture.append(svg('line', { class: 'axis', x1: x(d), y1: axisY - 6, x2: x(d), y2: axisY + 6 }),
        svg('text', { class: 'tick', x: x(d), y: axisY + 24, 'text-anchor': 'middle' }, year));
    }
    events.forEach((ev, i) => {
      const cx = x(days[i]);
      const above = i % 2 === 0;
      const mark = svg('circle', { class: 'mark', cx, cy: axisY, r: 9, tabindex: 0,
        'aria-label': `${ev.date} ${ev.title}`, 'data-event': ev.id,
        onkeydown: (e) => { if (e.key === 'Enter') go(hrefFor('event', ev.id)); },
        onclick: () => go(hrefFor('event', ev.id)) });
      withTooltip(mark, () => [
        el('strong', {}, `${ev.date} · ${ev.title}`),
        ...items(ev.evidence).slice(0, 1).map((x) => el('p', { class: 'tip-evidence' }, x.sentence.length > 280
          ? `${x.sentence.slice(0, 279)}…` : x.sentence)),
      ]);
      picture.append(mark,
        svg('text', { class: 'label', x: cx, y: above ? axisY - 18 : axisY + 44,
          'text-anchor': 'middle' }, ev.date));
    });
    return picture;
  }

  // The document's text with its mentions marked; offsets count code points.
  async function documentView(id) {
    const doc = await api(`/v1/documents/${encodeURIComponent(id)}`);
    const chars = Array.from(doc.text || '');
    // The page embeds the first mentions; the rest come from its paged sub-resource.
    const mentions = (await everything(doc.mentions, 50)).sort((p, q) =>
      p.start - q.start || q.end - p.end);
    const text = el('div', { class: 'doc-text', lang: 'th' });
    let at = 0;
    for (const m of mentions) {
      if (m.start < at) continue; // nested or overlapping: the outer mention wins
      text.append(chars.slice(at, m.start).join(''));
      const surface = chars.slice(m.start, m.end).join('');
      const label = m.value ? `${TYPE_LABELS[m.type] || m.type}: ${m.value}` : (TYPE_LABELS[m.type] || m.type);
      const mark = el('mark', { class: `mention ${m.type}`, title: label, 'data-type': m.type }, surface);
      text.append(m.entity_id ? el('a', { href: hrefFor(m.type, m.entity_id), class: 'mention-link' }, mark) : mark);
      at = m.end;
    }
    text.append(chars.slice(at).join(''));
    const events = items(doc.events);
    show(el('section', { class: 'card' },
      el('h1', {}, doc.title || doc.id),
      el('p', { class: 'meta' }, [doc.published, doc.source].filter(Boolean).join(' · ') || doc.id),
      el('div', { class: 'legend', 'aria-hidden': 'true' },
        el('span', { class: 'organisation' }, 'องค์กร'), el('span', { class: 'person' }, 'บุคคล'),
        el('span', { class: 'place' }, 'สถานที่'), el('span', { class: 'date' }, 'วันที่/ตัวเลข'))),
    events.length ? el('section', { class: 'card events-list' }, el('h2', {}, 'กิจกรรมในข่าวนี้'),
      el('ul', { class: 'plain' }, events.map(eventLine))) : null,
    el('section', { class: 'card' }, text));
    document.title = `${doc.title || doc.id} · thaigraph`;
  }

  async function person(id) {
    const p = await api(`/v1/people/${encodeURIComponent(id)}`);
    const since = (x) => x.first_seen || x.as_of || '';
    const positions = items(p.positions).slice().sort((x, y) => since(x).localeCompare(since(y)));
    show(el('section', { class: 'card holders' },
      el('h1', {}, [p.honorific, p.name].filter(Boolean).join(' ')),
      el('h2', {}, 'ตำแหน่ง'),
      el('ul', { class: 'plain' }, positions.map((pos) => {
        const org = pos.organisation || (pos.organisation_id
          ? { id: pos.organisation_id, name: pos.organisation_name } : null);
        return el('li', {}, el('time', { datetime: since(pos) }, formatDate(since(pos))), pos.title,
          ' ', org ? link('organisation', org.id, org.name) : null);
      }))),
    await neighbourhood(p.id));
  }

  async function eventView(id) {
    const ev = await api(`/v1/events/${encodeURIComponent(id)}`);
    show(el('section', { class: 'card' },
      el('h1', {}, ev.title || ev.id),
      el('p', { class: 'meta' }, [formatDate(ev.date), KIND_LABELS[ev.kind] || ev.kind,
        ev.place && ev.place.name].filter(Boolean).join(' · ')),
      el('h2', {}, 'ผู้เข้าร่วม'),
      el('ul', { class: 'plain' },
        items(ev.organisations).map((o) => el('li', {}, link('organisation', o.id, o.name),
          o.role ? el('span', { class: 'tag' }, o.role) : null)),
        items(ev.people).map((o) => el('li', {}, link('person', o.id, o.name),
          o.role ? el('span', { class: 'tag' }, o.role) : null))),
      el('h2', {}, 'หลักฐาน'),
      items(ev.evidence).map((x) => el('p', { class: 'evidence' }, x.sentence, ' ',
        link('document', x.document_id, 'ข่าว')))));
  }

  // Places have pages of their own; a programme is shown by its neighbourhood in the graph.
  async function entity(kind, id) {
    if (kind !== 'place') {
      show(await neighbourhood(id));
      return;
    }
    const body = await api(`/v1/places/${encodeURIComponent(id)}`);
    show(el('section', { class: 'card' }, el('h1', {}, body.name || body.id),
      el('ul', { class: 'plain' }, items(body.events).map(eventLine))), await neighbourhood(body.id));
  }

  // ---- router ----------------------------------------------------------------------------

  async function route() {
    const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
    const params = new URLSearchParams(query);
    const [, kind, rawId] = path.split('/');
    const id = rawId && decodeURIComponent(rawId);
    setStatus('');
    document.title = 'thaigraph explorer';
    try {
      if (kind === 'search') await search(params);
      else if (kind === 'organisation') await organisation(id);
      else if (kind === 'collaboration') await collaboration(params);
      else if (kind === 'document') await documentView(id);
      else if (kind === 'person') await person(id);
      else if (kind === 'event') await eventView(id);
      else if (kind === 'place' || kind === 'programme') await entity(kind, id);
      else home();
      if (kind) document.getElementById('main').focus({ preventScroll: true });
    } catch (e) {
      show(el('section', { class: 'card' }, el('h1', {}, 'ไม่พบข้อมูล'),
        el('p', { class: 'error' }, e.message)));
      setStatus(e.message, true);
    }
  }

  window.addEventListener('hashchange', route);
  route();
})();
