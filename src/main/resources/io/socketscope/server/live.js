// SocketScope's phone page, live: one Server-Sent Events stream keeps the page current, and the buttons
// open real sockets (held requests) that the projector draws. Without this script the page is complete.
'use strict';
(function () {
  var live = document.getElementById('live');
  if (!live || !window.EventSource || !window.fetch || !window.AbortController) {
    return;
  }
  // A browser keeps at most six connections to one server over HTTP/1.1; the live view is one of them.
  var MAX_HELD = 5;
  var held = [];
  var state = null;
  var asked = 0;
  var stopped = false;

  function $(id) { return document.getElementById(id); }
  function text(id, words) { $(id).textContent = words; }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
  function note(words) { text('note', words); }

  live.hidden = false;
  $('another').hidden = true;

  var source = new EventSource('/events');
  source.addEventListener('state', function (e) {
    state = JSON.parse(e.data);
    $('live-dot').className = 'dot on';
    render();
  });
  source.addEventListener('bye', function (e) {
    stopped = true;
    source.close();
    $('live-dot').className = 'dot';
    text('live-says', JSON.parse(e.data).text);
    render();
  });
  source.onerror = function () {
    if (stopped) {
      return;
    }
    $('live-dot').className = 'dot';
    // CLOSED: the server refused the stream (past its limits, 429), and the browser does not try again.
    text('live-says', source.readyState === EventSource.CLOSED
      ? 'No live view: this address already has the most live views and held connections the server allows.'
        + ' Close some (another tab\'s "Close my connections"), then reload.'
      : 'The live view lost its connection; the browser tries again every 3 s.');
  };

  function item(list, words, fd) {
    var li = document.createElement('li');
    if (fd) {
      var b = document.createElement('span');
      b.className = 'fdn';
      b.textContent = fd;
      li.appendChild(b);
    }
    li.appendChild(document.createTextNode(words));
    list.appendChild(li);
    return li;
  }

  function render() {
    var now = Date.now();
    var list = $('held');
    list.textContent = '';
    held.forEach(function (h) {
      var li = h.fd ? item(list, ' · your port ' + h.port + ' · held ' + Math.round((now - h.since) / 1000) + ' s', h.fd)
        : item(list, 'opening…');
      li.className = 'held';
    });
    if (held.length === 0) {
      item(list, 'None: each button above opens real sockets to this port.').className = 'none';
    }
    $('one').disabled = stopped || held.length >= MAX_HELD;
    $('hold3').disabled = stopped || held.length >= MAX_HELD;
    $('release').disabled = held.length === 0;
    if (!state) {
      return;
    }
    text('count', state.open === 1 ? '1 socket is' : state.open + ' sockets are');
    text('devices', ' from ' + plural(state.devices, 'device'));
    if (!stopped) {
      text('live-says', 'This live view is socket ' + state.self.fd + ' (your port ' + state.self.port
        + '): it stays open, and the server sends every change on it.');
    }
    var mine = $('mine');
    mine.textContent = '';
    state.mine.forEach(function (m) {
      var what = m.fd === state.self.fd ? 'this live view'
        : held.some(function (h) { return h.fd === m.fd; }) ? 'held by this page' : (m.role || m.state);
      item(mine, ' · port ' + m.port + ' · ' + what, m.fd);
    });
    text('mine-count', '(' + plural(state.mineCount, 'socket') + ' from ' + state.you + ')');
    var recent = $('recent');
    recent.textContent = '';
    state.recent.forEach(function (r) { item(recent, r); });
  }

  function drop(h) {
    var i = held.indexOf(h);
    if (i >= 0) {
      held.splice(i, 1);
    }
    render();
  }

  function refusal(html, status) {
    var p = new DOMParser().parseFromString(html, 'text/html').querySelector('p');
    return p ? p.textContent : 'The server answered ' + status + '.';
  }

  function holdOne() {
    if (held.length >= MAX_HELD) {
      note('A browser opens at most 6 connections to one server: this page has its live view and '
        + plural(held.length, 'held connection') + '.');
      return;
    }
    var h = { ctl: new AbortController(), fd: null, port: null, since: Date.now() };
    held.push(h);
    asked += 1;
    // Without credentials the request goes to a pool of connections of its own, where nothing is idle:
    // each held request is a new socket, never the page's own kept-alive one.
    fetch('/hold?n=' + asked, { signal: h.ctl.signal, cache: 'no-store', credentials: 'omit' }).then(function (r) {
      if (r.status !== 200) {
        return r.text().then(function (body) {
          drop(h);
          note(refusal(body, r.status));
        });
      }
      h.fd = r.headers.get('X-Socket');
      h.port = r.headers.get('X-Client-Port');
      render();
      var reader = r.body.getReader();
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) {
            if (held.indexOf(h) >= 0) {
              note(h.fd + ' was let go by the server after its time.');
            }
            drop(h);
            return null;
          }
          return pump();
        });
      }
      return pump();
    }).catch(function () {
      drop(h);
    });
    render();
  }

  $('one').addEventListener('click', function () {
    note('');
    holdOne();
  });
  $('hold3').addEventListener('click', function () {
    note('');
    for (var i = 0; i < 3; i++) {
      holdOne();
    }
  });
  $('release').addEventListener('click', function () {
    var n = held.length;
    held.slice().forEach(function (h) { h.ctl.abort(); });
    held = [];
    note('Closed ' + plural(n, 'connection') + ': watch ' + (n === 1 ? 'its edge' : 'their edges') + ' go.');
    render();
  });
  setInterval(function () {
    if (held.length > 0) {
      render();
    }
  }, 1000);
  render();
}());
