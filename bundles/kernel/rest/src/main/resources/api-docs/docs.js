/*
 * The API explorer: asks for a personal API token, loads the OpenAPI document with it (the document needs a token,
 * like every call of the API but the ping), then shows it with Swagger UI, authorised with the same token so that
 * "Try it out" calls run as its user. The token stays in this page's memory only.
 */
(function () {
  'use strict';
  var DOCUMENT = new URL('../v1/openapi.json', window.location.href).href;
  var form = document.getElementById('token-form');
  var input = document.getElementById('token');
  var error = document.getElementById('token-error');

  function refused(response) {
    return response.json().then(function (problem) {
      throw new Error(problem.detail || problem.title || ('HTTP ' + response.status));
    }, function () {
      throw new Error('HTTP ' + response.status);
    });
  }

  function show(token, spec) {
    form.hidden = true;
    var ui = SwaggerUIBundle({
      spec: spec,
      dom_id: '#swagger-ui',
      deepLinking: true,
      presets: [SwaggerUIBundle.presets.apis],
      layout: 'BaseLayout',
      tryItOutEnabled: false,
      validatorUrl: null
    });
    ui.preauthorizeApiKey('bearerAuth', token);
    window.tesseraApi = ui;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var token = input.value.trim();
    error.textContent = '';
    fetch(DOCUMENT, { headers: { 'Authorization': 'Bearer ' + token, 'Accept': 'application/json' }, cache: 'no-store' })
      .then(function (response) { return response.ok ? response.json() : refused(response); })
      .then(function (spec) { input.value = ''; show(token, spec); })
      .catch(function (e) { error.textContent = 'The API did not accept this token: ' + e.message; });
  });
}());
