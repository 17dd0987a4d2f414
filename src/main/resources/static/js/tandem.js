// Tandem's few lines of script (the only script pages run: the Content-Security-Policy allows no inline script or
// handler): htmx carries the CSRF token, selects marked data-autosubmit submit on change, and [data-chart] elements
// become ECharts charts from the JSON option in their data-chart attribute.
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name=_csrf]');
    var header = document.querySelector('meta[name=_csrf_header]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var c = csrf();
    if (c) {
      event.detail.headers[c.header] = c.token;
    }
  });

  // A form refused for bad input answers 422 with itself and the messages beside the fields: show it.
  document.addEventListener('htmx:beforeSwap', function (event) {
    if (event.detail.xhr.status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // A button marked data-copy="ID" copies that field's text (an invitation link) and says so on itself.
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button[data-copy]') : null;
    if (!button) {
      return;
    }
    var field = document.getElementById(button.dataset.copy);
    field.select();
    var done = function () { button.textContent = button.dataset.copied; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand('copy'); done(); });
    }
    else {
      document.execCommand('copy');
      done();
    }
  });

  // In the new-objective form, choosing a team makes a company objective a team one (the level people forget).
  document.addEventListener('change', function (event) {
    var level = event.target.id === 'teamId' && event.target.form ? event.target.form.querySelector('select#level') : null;
    if (level && event.target.value && level.value === 'COMPANY') {
      level.value = 'TEAM';
    }
  });

  document.addEventListener('change', function (event) {
    if (event.target.matches('select[data-autosubmit]')) {
      event.target.form.submit();
    }
  });

  // A range slider shows its value beside it (<output for="id">).
  document.addEventListener('input', function (event) {
    if (event.target.matches('input[type=range]')) {
      var out = event.target.form && event.target.form.querySelector('output[for="' + event.target.id + '"]');
      if (out) {
        out.value = event.target.value;
      }
    }
  });

  // A refused sign-in comes back as a fresh page (Spring Security redirects to /login?error): the user name
  // typed is kept in this tab's session storage for that one answer. The password never is.
  document.addEventListener('submit', function (event) {
    var name = event.target.matches('form.signin-form') && event.target.querySelector('#username');
    if (name) {
      sessionStorage.setItem('tandem.signin.username', name.value);
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    var name = document.querySelector('form.signin-form #username');
    var typed = sessionStorage.getItem('tandem.signin.username');
    sessionStorage.removeItem('tandem.signin.username');
    if (name && typed && document.querySelector('.signin [role=alert]')) {
      name.value = typed;
      document.getElementById('password').focus();
    }
  });

  // The token shown once is selected when it gets focus, ready to copy.
  document.addEventListener('focusin', function (event) {
    if (event.target.matches('input.secret')) {
      event.target.select();
    }
  });

  // The Content-Security-Policy refuses inline styles, also a style attribute set by script; styles set through
  // the element's style object are allowed. ECharts 5.3's SVG renderer writes each label's font as a style
  // attribute: route those through the style object, as later ECharts versions do themselves (zrender #1030).
  var setAttribute = Element.prototype.setAttribute;
  SVGElement.prototype.setAttribute = function (name, value) {
    if (name === 'style') {
      this.style.cssText = value;
    }
    else {
      setAttribute.call(this, name, value);
    }
  };

  // Axis labels in the page's language (2,5 and 13.100 in German; month names too), never a float's artefact
  // (0.7000000000000001), and none drawn over another. The charts' JSON cannot carry functions: they are set here.
  var lang = document.documentElement.lang || 'en';
  var numberFormat = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  var dayFormat = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  var monthFormat = new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  function axesOf(axis) {
    return !axis ? [] : Array.isArray(axis) ? axis : [axis];
  }
  function readableAxes(option) {
    axesOf(option.xAxis).concat(axesOf(option.yAxis)).forEach(function (axis) {
      axis.axisLabel = axis.axisLabel || {};
      axis.axisLabel.hideOverlap = true;
      if (axis.type === 'value' && !axis.axisLabel.formatter) {
        axis.axisLabel.formatter = function (value) { return numberFormat.format(value); };
      }
      if (axis.type === 'time') {
        // a little lower than ECharts puts them: the first date sits under the value axis's lowest label
        axis.axisLabel.margin = 14;
      }
      if (axis.type === 'time' && !axis.axisLabel.formatter) {
        axis.axisLabel.formatter = function (value) {
          var day = new Date(value);
          // a tick on the first of a month names the month; the others their day
          return day.getUTCDate() === 1 ? monthFormat.format(day) : dayFormat.format(day);
        };
      }
    });
    if (option.tooltip && !option.tooltip.valueFormatter) {
      option.tooltip.valueFormatter = function (value) {
        return typeof value === 'number' ? numberFormat.format(value) : value;
      };
    }
  }

  function drawCharts(root) {
    if (!window.echarts) {
      return;
    }
    root.querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.dataset.height) {
        el.style.height = el.dataset.height + 'px';
      }
      var option = JSON.parse(el.getAttribute('data-chart'));
      readableAxes(option);
      if (option.tooltip) {
        // drawn in the chart: an HTML tooltip would carry inline styles
        option.tooltip.renderMode = 'richText';
        option.tooltip.confine = true;
      }
      var chart = window.echarts.getInstanceByDom(el) || window.echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(option, true);
      // a data point with a url (an alignment node) opens it
      chart.off('click');
      chart.on('click', function (p) {
        if (p.data && p.data.url) {
          window.location.href = p.data.url;
        }
      });
    });
  }

  // A form refused with the whole page: its first field in error gets the focus and comes into view, unless the
  // page put the focus somewhere itself (autofocus).
  document.addEventListener('DOMContentLoaded', function () {
    var field = document.querySelector('main [aria-invalid=true]');
    if (field && (!document.activeElement || document.activeElement === document.body)) {
      field.focus();
      field.scrollIntoView({ block: 'center' });
    }
  });

  // The check-in screen: once an item is checked in, the next one still open gets the focus, so a week's
  // check-ins go value, Enter, value, Enter; a refused one keeps it on its first field in error.
  function focusFirstField(item) {
    var field = item.querySelector('[aria-invalid=true]') ||
      item.querySelector('input:not([type=hidden]), select, textarea, button');
    if (field) {
      field.focus();
    }
  }
  document.addEventListener('htmx:afterSettle', function () {
    var refused = document.querySelector('.checkin-item[data-refused]');
    if (refused) {
      refused.removeAttribute('data-refused');
      focusFirstField(refused);
      return;
    }
    var done = document.querySelector('.checkin-item[data-just-done]');
    if (!done) {
      return;
    }
    done.removeAttribute('data-just-done');
    var items = Array.prototype.slice.call(document.querySelectorAll('.checkin-item'));
    var next = items.slice(items.indexOf(done) + 1).concat(items.slice(0, items.indexOf(done)))
      .filter(function (item) { return !item.classList.contains('done'); })[0];
    if (next) {
      focusFirstField(next);
    } else {
      var all = document.getElementById('checkins-done');
      if (all) {
        all.hidden = false;
        all.focus();
      }
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    var first = document.querySelector('.checkin-item:not(.done)');
    if (first) {
      focusFirstField(first);
    }
  });

  // "Show more" in a list: focus goes to the first thing it brought, not back to the page's top.
  var beforeMore = null;
  document.addEventListener('htmx:beforeSwap', function (event) {
    var target = event.detail.target;
    if (target && target.classList && target.classList.contains('more')) {
      beforeMore = target.previousElementSibling;
    }
  });
  document.addEventListener('htmx:afterSettle', function () {
    var node = beforeMore && beforeMore.nextElementSibling;
    beforeMore = null;
    for (; node; node = node.nextElementSibling) {
      var link = node.matches('a') ? node : node.querySelector('a');
      if (link) {
        link.focus();
        return;
      }
    }
  });

  // A form fetched where its button was (a team's row, a template's adopt form): focus goes to its first control.
  document.addEventListener('htmx:afterSettle', function (event) {
    var trigger = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (trigger && trigger.classList && trigger.classList.contains('opens-form')) {
      var target = event.detail.target;
      if (target && !target.isConnected && target.id) {
        target = document.getElementById(target.id); // swapped whole: its replacement has the same id
      }
      var field = target && target.querySelector('summary, select, input:not([type=hidden])');
      if (field) {
        field.focus();
      }
    }
  });

  // A choice of a person, a team or a KPI offers the first few: a search field beside it fills it with those whose name holds
  // the words typed (the select's data-choices names where to ask; the field belongs to no form, so it is not sent).
  // Its words come from the page's message bundle, in meta elements the layout writes.
  function said(name) {
    var meta = document.querySelector('meta[name="' + name + '"]');
    return meta ? meta.content : '';
  }
  function addChoiceSearch(select) {
    if (select.dataset.searchAdded) {
      return;
    }
    select.dataset.searchAdded = 'yes';
    var kind = select.dataset.choices.indexOf('/teams/') >= 0 ? 'choices-teams'
      : select.dataset.choices.indexOf('/kpi-choices') >= 0 ? 'choices-kpis' : 'choices-people';
    var label = select.labels && select.labels[0] ? select.labels[0].textContent.trim() : '';
    var field = document.createElement('input');
    field.type = 'search';
    field.setAttribute('form', '');
    field.autocomplete = 'off';
    field.placeholder = said(kind);
    field.setAttribute('aria-label', said(kind + '-label') + ' ' + label);
    field.setAttribute('aria-controls', select.id);
    var wrap = document.createElement('div');
    wrap.className = 'picker';
    select.parentNode.insertBefore(wrap, select);
    wrap.appendChild(select);
    wrap.appendChild(field);
    var timer = null;
    field.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var url = select.dataset.choices + (select.dataset.choices.indexOf('?') < 0 ? '?' : '&') + 'q=' +
          encodeURIComponent(field.value) + '&selected=' + encodeURIComponent(select.value);
        fetch(url, { credentials: 'same-origin' }).then(function (answer) {
          return answer.ok ? answer.text() : null;
        }).then(function (options) {
          if (options !== null) {
            select.innerHTML = options;
          }
        });
      }, 250);
    });
  }
  function addChoiceSearches(root) {
    if (root.querySelectorAll) {
      root.querySelectorAll('select[data-choices]').forEach(addChoiceSearch);
    }
  }
  document.addEventListener('DOMContentLoaded', function () { addChoiceSearches(document); });
  document.addEventListener('htmx:afterSettle', function (event) { addChoiceSearches(event.target); });

  document.addEventListener('DOMContentLoaded', function () { drawCharts(document); });
  document.addEventListener('htmx:afterSettle', function (event) {
    drawCharts(event.target);
    // a link to a comment (#comment-…) names a part that arrives after the page: show it once it is there
    var hash = window.location.hash;
    if (hash.indexOf('#comment-') === 0 && event.target.querySelector) {
      var comment = event.target.querySelector(hash);
      if (comment) {
        comment.classList.add('linked');
        comment.scrollIntoView({ block: 'center' });
      }
    }
  });
  window.addEventListener('resize', function () {
    if (window.echarts) {
      document.querySelectorAll('[data-chart]').forEach(function (el) {
        var chart = window.echarts.getInstanceByDom(el);
        if (chart) {
          chart.resize();
        }
      });
    }
  });
})();
