import { createRequire as __specgateCreateRequire } from 'node:module';
const require = __specgateCreateRequire(import.meta.url);
import{a as c}from"./chunk-DIVWVC4K.js";import{k as f,o as p}from"./chunk-5KOMROQA.js";import{A as o,j as u,k as a,l as r}from"./chunk-4ASPPCWQ.js";import{a as t,i as n,l as s,m}from"./chunk-3LOAQBUR.js";m();async function v(){try{let e=c();p(process.env.GITHUB_EVENT_NAME,e.path),e.path!==void 0?await(await import("./chunk-767YBBUF.js")).gateWorkspace({...e,path:e.path}):await(await import("./chunk-VA7OSB27.js")).dispatchEvent(e)}catch(e){if(e instanceof n||e instanceof f){e instanceof s&&await d(e),r(`${e.message}. ${e.fix}`);return}let i=e?.status;if(typeof i=="number"){r(`GitHub answered HTTP ${i}: ${e.message}. Check the \`token\` input and the workflow's \`permissions:\` (contents: read, pull-requests: read).`);return}r(e instanceof Error?e.stack??e.message:String(e))}}t(v,"run");async function d(e){a("conclusion","failure"),a("findings","0"),process.env.GITHUB_STEP_SUMMARY&&await u.addHeading("specgate: invalid configuration",2).addRaw(`${o(e.message,{max:2e3})}.

${o(e.fix,{max:2e3})}
`,!0).write()}t(d,"reportInvalidConfig");export{v as run};
