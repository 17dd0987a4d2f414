// Tandem's few lines of script: htmx carries the CSRF token, selects marked data-autosubmit submit on change,
// and [data-chart] elements become ECharts charts from the JSON option in their data-chart attribute.
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

  function drawCharts(root) {
    if (!window.echarts) {
      return;
    }
    root.querySelectorAll('[data-chart]').forEach(function (el) {
      var chart = window.echarts.getInstanceByDom(el) || window.echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(JSON.parse(el.getAttribute('data-chart')), true);
      // a data point with a url (an alignment node) opens it
      chart.off('click');
      chart.on('click', function (p) {
        if (p.data && p.data.url) {
          window.location.href = p.data.url;
        }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () { drawCharts(document); });
  document.addEventListener('htmx:afterSettle', function (event) { drawCharts(event.target); });
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
