import { createRequire as __specgateCreateRequire } from 'node:module';
const require = __specgateCreateRequire(import.meta.url);
import{a as r}from"./chunk-RLDMLKNB.js";var s=class extends Error{static{r(this,"ActionError")}fix;constructor(n,t,o){super(n,o),this.name=new.target.name,this.fix=t}},i=class extends s{static{r(this,"InputError")}},a=class extends s{static{r(this,"EventError")}},x=class extends s{static{r(this,"ConfigFileError")}errors;constructor(n,t,o){super(n,t),this.errors=o}};export{s as a,i as b,a as c,x as d};
