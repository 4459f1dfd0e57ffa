// Starts Swagger UI on the page GET /v2/docs serves (core/api/docs.py). A file rather than an
// inline script: the page's content-security policy runs this origin's scripts only.
"use strict";
(function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapi,
    domNode: root,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: true,
    displayRequestDuration: true,
    // The default validator badge is an image from validator.swagger.io: nothing leaves here.
    validatorUrl: null,
    // Keys entered through Authorize live in this tab only, never in localStorage.
    persistAuthorization: false,
  });
})();
