// Swagger UI for the published contract; "Authorize" uses the OAuth2
// password flow against /api/auth/login.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.yaml',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
  });
});
