import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * Helmet with a strict Content-Security-Policy: the UI loads only its own bundled scripts and styles,
 * talks only to its own API, and nothing else. No inline scripts, no remote fonts, images or frames;
 * crawled article text is rendered as text, and this policy is the second line behind that.
 * HSTS and upgrade-insecure-requests only when cookies are Secure (served over HTTPS): on a plain-HTTP
 * loopback address they would break the UI.
 */
export function securityHeaders(options: { isHttps: boolean }): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
        ...(options.isHttps ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: options.isHttps ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    // Opening an article's original link must not tell the outlet where the reviewer came from.
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: true,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  };
}
