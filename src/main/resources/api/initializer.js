// Swagger UI on Gazette's own OpenAPI document; a file of its own, since no page may carry inline script.
window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
