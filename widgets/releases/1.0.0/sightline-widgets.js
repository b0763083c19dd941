const Z=globalThis,G=Z.ShadowRoot&&(Z.ShadyCSS===void 0||Z.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,Y=Symbol(),ot=new WeakMap;let nt=class{constructor(s,t,e){if(this._$cssResult$=!0,e!==Y)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=s,this.t=t}get styleSheet(){let s=this.o;const t=this.t;if(G&&s===void 0){const e=t!==void 0&&t.length===1;e&&(s=ot.get(t)),s===void 0&&((this.o=s=new CSSStyleSheet).replaceSync(this.cssText),e&&ot.set(t,s))}return s}toString(){return this.cssText}};const Lt=s=>new nt(typeof s=="string"?s:s+"",void 0,Y),U=(s,...t)=>{const e=s.length===1?s[0]:t.reduce((i,r,o)=>i+(n=>{if(n._$cssResult$===!0)return n.cssText;if(typeof n=="number")return n;throw Error("Value passed to 'css' function must be a 'css' function result: "+n+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(r)+s[o+1],s[0]);return new nt(e,s,Y)},Rt=(s,t)=>{if(G)s.adoptedStyleSheets=t.map(e=>e instanceof CSSStyleSheet?e:e.styleSheet);else for(const e of t){const i=document.createElement("style"),r=Z.litNonce;r!==void 0&&i.setAttribute("nonce",r),i.textContent=e.cssText,s.appendChild(i)}},at=G?s=>s:s=>s instanceof CSSStyleSheet?(t=>{let e="";for(const i of t.cssRules)e+=i.cssText;return Lt(e)})(s):s,{is:zt,defineProperty:Dt,getOwnPropertyDescriptor:Ht,getOwnPropertyNames:jt,getOwnPropertySymbols:It,getPrototypeOf:Bt}=Object,W=globalThis,lt=W.trustedTypes,qt=lt?lt.emptyScript:"",Zt=W.reactiveElementPolyfillSupport,M=(s,t)=>s,F={toAttribute(s,t){switch(t){case Boolean:s=s?qt:null;break;case Object:case Array:s=s==null?s:JSON.stringify(s)}return s},fromAttribute(s,t){let e=s;switch(t){case Boolean:e=s!==null;break;case Number:e=s===null?null:Number(s);break;case Object:case Array:try{e=JSON.parse(s)}catch{e=null}}return e}},Q=(s,t)=>!zt(s,t),ht={attribute:!0,type:String,converter:F,reflect:!1,useDefault:!1,hasChanged:Q};Symbol.metadata??=Symbol("metadata"),W.litPropertyMetadata??=new WeakMap;let k=class extends HTMLElement{static addInitializer(s){this._$Ei(),(this.l??=[]).push(s)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(s,t=ht){if(t.state&&(t.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(s)&&((t=Object.create(t)).wrapped=!0),this.elementProperties.set(s,t),!t.noAccessor){const e=Symbol(),i=this.getPropertyDescriptor(s,e,t);i!==void 0&&Dt(this.prototype,s,i)}}static getPropertyDescriptor(s,t,e){const{get:i,set:r}=Ht(this.prototype,s)??{get(){return this[t]},set(o){this[t]=o}};return{get:i,set(o){const n=i?.call(this);r?.call(this,o),this.requestUpdate(s,n,e)},configurable:!0,enumerable:!0}}static getPropertyOptions(s){return this.elementProperties.get(s)??ht}static _$Ei(){if(this.hasOwnProperty(M("elementProperties")))return;const s=Bt(this);s.finalize(),s.l!==void 0&&(this.l=[...s.l]),this.elementProperties=new Map(s.elementProperties)}static finalize(){if(this.hasOwnProperty(M("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(M("properties"))){const t=this.properties,e=[...jt(t),...It(t)];for(const i of e)this.createProperty(i,t[i])}const s=this[Symbol.metadata];if(s!==null){const t=litPropertyMetadata.get(s);if(t!==void 0)for(const[e,i]of t)this.elementProperties.set(e,i)}this._$Eh=new Map;for(const[t,e]of this.elementProperties){const i=this._$Eu(t,e);i!==void 0&&this._$Eh.set(i,t)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(s){const t=[];if(Array.isArray(s)){const e=new Set(s.flat(1/0).reverse());for(const i of e)t.unshift(at(i))}else s!==void 0&&t.push(at(s));return t}static _$Eu(s,t){const e=t.attribute;return e===!1?void 0:typeof e=="string"?e:typeof s=="string"?s.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(s=>this.enableUpdating=s),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(s=>s(this))}addController(s){(this._$EO??=new Set).add(s),this.renderRoot!==void 0&&this.isConnected&&s.hostConnected?.()}removeController(s){this._$EO?.delete(s)}_$E_(){const s=new Map,t=this.constructor.elementProperties;for(const e of t.keys())this.hasOwnProperty(e)&&(s.set(e,this[e]),delete this[e]);s.size>0&&(this._$Ep=s)}createRenderRoot(){const s=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return Rt(s,this.constructor.elementStyles),s}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(s=>s.hostConnected?.())}enableUpdating(s){}disconnectedCallback(){this._$EO?.forEach(s=>s.hostDisconnected?.())}attributeChangedCallback(s,t,e){this._$AK(s,e)}_$ET(s,t){const e=this.constructor.elementProperties.get(s),i=this.constructor._$Eu(s,e);if(i!==void 0&&e.reflect===!0){const r=(e.converter?.toAttribute!==void 0?e.converter:F).toAttribute(t,e.type);this._$Em=s,r==null?this.removeAttribute(i):this.setAttribute(i,r),this._$Em=null}}_$AK(s,t){const e=this.constructor,i=e._$Eh.get(s);if(i!==void 0&&this._$Em!==i){const r=e.getPropertyOptions(i),o=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:F;this._$Em=i;const n=o.fromAttribute(t,r.type);this[i]=n??this._$Ej?.get(i)??n,this._$Em=null}}requestUpdate(s,t,e,i=!1,r){if(s!==void 0){const o=this.constructor;if(i===!1&&(r=this[s]),e??=o.getPropertyOptions(s),!((e.hasChanged??Q)(r,t)||e.useDefault&&e.reflect&&r===this._$Ej?.get(s)&&!this.hasAttribute(o._$Eu(s,e))))return;this.C(s,t,e)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(s,t,{useDefault:e,reflect:i,wrapped:r},o){e&&!(this._$Ej??=new Map).has(s)&&(this._$Ej.set(s,o??t??this[s]),r!==!0||o!==void 0)||(this._$AL.has(s)||(this.hasUpdated||e||(t=void 0),this._$AL.set(s,t)),i===!0&&this._$Em!==s&&(this._$Eq??=new Set).add(s))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(t){Promise.reject(t)}const s=this.scheduleUpdate();return s!=null&&await s,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(const[i,r]of this._$Ep)this[i]=r;this._$Ep=void 0}const e=this.constructor.elementProperties;if(e.size>0)for(const[i,r]of e){const{wrapped:o}=r,n=this[i];o!==!0||this._$AL.has(i)||n===void 0||this.C(i,void 0,r,n)}}let s=!1;const t=this._$AL;try{s=this.shouldUpdate(t),s?(this.willUpdate(t),this._$EO?.forEach(e=>e.hostUpdate?.()),this.update(t)):this._$EM()}catch(e){throw s=!1,this._$EM(),e}s&&this._$AE(t)}willUpdate(s){}_$AE(s){this._$EO?.forEach(t=>t.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(s)),this.updated(s)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(s){return!0}update(s){this._$Eq&&=this._$Eq.forEach(t=>this._$ET(t,this[t])),this._$EM()}updated(s){}firstUpdated(s){}};k.elementStyles=[],k.shadowRootOptions={mode:"open"},k[M("elementProperties")]=new Map,k[M("finalized")]=new Map,Zt?.({ReactiveElement:k}),(W.reactiveElementVersions??=[]).push("2.1.2");const X=globalThis,dt=s=>s,V=X.trustedTypes,ct=V?V.createPolicy("lit-html",{createHTML:s=>s}):void 0,pt="$lit$",_=`lit$${Math.random().toFixed(9).slice(2)}$`,ut="?"+_,Wt=`<${ut}>`,x=document,N=()=>x.createComment(""),L=s=>s===null||typeof s!="object"&&typeof s!="function",tt=Array.isArray,Ft=s=>tt(s)||typeof s?.[Symbol.iterator]=="function",et=`[ 	
\f\r]`,R=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,gt=/-->/g,mt=/>/g,A=RegExp(`>|${et}(?:([^\\s"'>=/]+)(${et}*=${et}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),ft=/'/g,vt=/"/g,bt=/^(?:script|style|textarea|title)$/i,yt=s=>(t,...e)=>({_$litType$:s,strings:t,values:e}),h=yt(1),Vt=yt(2),C=Symbol.for("lit-noChange"),d=Symbol.for("lit-nothing"),$t=new WeakMap,E=x.createTreeWalker(x,129);function _t(s,t){if(!tt(s)||!s.hasOwnProperty("raw"))throw Error("invalid template strings array");return ct!==void 0?ct.createHTML(t):t}const Jt=(s,t)=>{const e=s.length-1,i=[];let r,o=t===2?"<svg>":t===3?"<math>":"",n=R;for(let l=0;l<e;l++){const a=s[l];let u,p,c=-1,y=0;for(;y<a.length&&(n.lastIndex=y,p=n.exec(a),p!==null);)y=n.lastIndex,n===R?p[1]==="!--"?n=gt:p[1]!==void 0?n=mt:p[2]!==void 0?(bt.test(p[2])&&(r=RegExp("</"+p[2],"g")),n=A):p[3]!==void 0&&(n=A):n===A?p[0]===">"?(n=r??R,c=-1):p[1]===void 0?c=-2:(c=n.lastIndex-p[2].length,u=p[1],n=p[3]===void 0?A:p[3]==='"'?vt:ft):n===vt||n===ft?n=A:n===gt||n===mt?n=R:(n=A,r=void 0);const $=n===A&&s[l+1].startsWith("/>")?" ":"";o+=n===R?a+Wt:c>=0?(i.push(u),a.slice(0,c)+pt+a.slice(c)+_+$):a+_+(c===-2?l:$)}return[_t(s,o+(s[e]||"<?>")+(t===2?"</svg>":t===3?"</math>":"")),i]};class I{constructor({strings:t,_$litType$:e},i){let r;this.parts=[];let o=0,n=0;const l=t.length-1,a=this.parts,[u,p]=Jt(t,e);if(this.el=I.createElement(u,i),E.currentNode=this.el.content,e===2||e===3){const c=this.el.content.firstChild;c.replaceWith(...c.childNodes)}for(;(r=E.nextNode())!==null&&a.length<l;){if(r.nodeType===1){if(r.hasAttributes())for(const c of r.getAttributeNames())if(c.endsWith(pt)){const y=p[n++],$=r.getAttribute(c).split(_),q=/([.?@])?(.*)/.exec(y);a.push({type:1,index:o,name:q[2],strings:$,ctor:q[1]==="."?Gt:q[1]==="?"?Yt:q[1]==="@"?Qt:J}),r.removeAttribute(c)}else c.startsWith(_)&&(a.push({type:6,index:o}),r.removeAttribute(c));if(bt.test(r.tagName)){const c=r.textContent.split(_),y=c.length-1;if(y>0){r.textContent=V?V.emptyScript:"";for(let $=0;$<y;$++)r.append(c[$],N()),E.nextNode(),a.push({type:2,index:++o});r.append(c[y],N())}}}else if(r.nodeType===8)if(r.data===ut)a.push({type:2,index:o});else{let c=-1;for(;(c=r.data.indexOf(_,c+1))!==-1;)a.push({type:7,index:o}),c+=_.length-1}o++}}static createElement(t,e){const i=x.createElement("template");return i.innerHTML=t,i}}function O(s,t,e=s,i){if(t===C)return t;let r=i!==void 0?e._$Co?.[i]:e._$Cl;const o=L(t)?void 0:t._$litDirective$;return r?.constructor!==o&&(r?._$AO?.(!1),o===void 0?r=void 0:(r=new o(s),r._$AT(s,e,i)),i!==void 0?(e._$Co??=[])[i]=r:e._$Cl=r),r!==void 0&&(t=O(s,r._$AS(s,t.values),r,i)),t}class Kt{constructor(t,e){this._$AV=[],this._$AN=void 0,this._$AD=t,this._$AM=e}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(t){const{el:{content:e},parts:i}=this._$AD,r=(t?.creationScope??x).importNode(e,!0);E.currentNode=r;let o=E.nextNode(),n=0,l=0,a=i[0];for(;a!==void 0;){if(n===a.index){let u;a.type===2?u=new B(o,o.nextSibling,this,t):a.type===1?u=new a.ctor(o,a.name,a.strings,this,t):a.type===6&&(u=new Xt(o,this,t)),this._$AV.push(u),a=i[++l]}n!==a?.index&&(o=E.nextNode(),n++)}return E.currentNode=x,r}p(t){let e=0;for(const i of this._$AV)i!==void 0&&(i.strings!==void 0?(i._$AI(t,i,e),e+=i.strings.length-2):i._$AI(t[e])),e++}}class B{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(t,e,i,r){this.type=2,this._$AH=d,this._$AN=void 0,this._$AA=t,this._$AB=e,this._$AM=i,this.options=r,this._$Cv=r?.isConnected??!0}get parentNode(){let t=this._$AA.parentNode;const e=this._$AM;return e!==void 0&&t?.nodeType===11&&(t=e.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(t,e=this){t=O(this,t,e),L(t)?t===d||t==null||t===""?(this._$AH!==d&&this._$AR(),this._$AH=d):t!==this._$AH&&t!==C&&this._(t):t._$litType$!==void 0?this.$(t):t.nodeType!==void 0?this.T(t):Ft(t)?this.k(t):this._(t)}O(t){return this._$AA.parentNode.insertBefore(t,this._$AB)}T(t){this._$AH!==t&&(this._$AR(),this._$AH=this.O(t))}_(t){this._$AH!==d&&L(this._$AH)?this._$AA.nextSibling.data=t:this.T(x.createTextNode(t)),this._$AH=t}$(t){const{values:e,_$litType$:i}=t,r=typeof i=="number"?this._$AC(t):(i.el===void 0&&(i.el=I.createElement(_t(i.h,i.h[0]),this.options)),i);if(this._$AH?._$AD===r)this._$AH.p(e);else{const o=new Kt(r,this),n=o.u(this.options);o.p(e),this.T(n),this._$AH=o}}_$AC(t){let e=$t.get(t.strings);return e===void 0&&$t.set(t.strings,e=new I(t)),e}k(t){tt(this._$AH)||(this._$AH=[],this._$AR());const e=this._$AH;let i,r=0;for(const o of t)r===e.length?e.push(i=new B(this.O(N()),this.O(N()),this,this.options)):i=e[r],i._$AI(o),r++;r<e.length&&(this._$AR(i&&i._$AB.nextSibling,r),e.length=r)}_$AR(t=this._$AA.nextSibling,e){for(this._$AP?.(!1,!0,e);t!==this._$AB;){const i=dt(t).nextSibling;dt(t).remove(),t=i}}setConnected(t){this._$AM===void 0&&(this._$Cv=t,this._$AP?.(t))}}class J{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(t,e,i,r,o){this.type=1,this._$AH=d,this._$AN=void 0,this.element=t,this.name=e,this._$AM=r,this.options=o,i.length>2||i[0]!==""||i[1]!==""?(this._$AH=Array(i.length-1).fill(new String),this.strings=i):this._$AH=d}_$AI(t,e=this,i,r){const o=this.strings;let n=!1;if(o===void 0)t=O(this,t,e,0),n=!L(t)||t!==this._$AH&&t!==C,n&&(this._$AH=t);else{const l=t;let a,u;for(t=o[0],a=0;a<o.length-1;a++)u=O(this,l[i+a],e,a),u===C&&(u=this._$AH[a]),n||=!L(u)||u!==this._$AH[a],u===d?t=d:t!==d&&(t+=(u??"")+o[a+1]),this._$AH[a]=u}n&&!r&&this.j(t)}j(t){t===d?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,t??"")}}class Gt extends J{constructor(){super(...arguments),this.type=3}j(t){this.element[this.name]=t===d?void 0:t}}class Yt extends J{constructor(){super(...arguments),this.type=4}j(t){this.element.toggleAttribute(this.name,!!t&&t!==d)}}class Qt extends J{constructor(t,e,i,r,o){super(t,e,i,r,o),this.type=5}_$AI(t,e=this){if((t=O(this,t,e,0)??d)===C)return;const i=this._$AH,r=t===d&&i!==d||t.capture!==i.capture||t.once!==i.once||t.passive!==i.passive,o=t!==d&&(i===d||r);r&&this.element.removeEventListener(this.name,this,i),o&&this.element.addEventListener(this.name,this,t),this._$AH=t}handleEvent(t){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,t):this._$AH.handleEvent(t)}}class Xt{constructor(t,e,i){this.element=t,this.type=6,this._$AN=void 0,this._$AM=e,this.options=i}get _$AU(){return this._$AM._$AU}_$AI(t){O(this,t)}}const te=X.litHtmlPolyfillSupport;te?.(I,B),(X.litHtmlVersions??=[]).push("3.3.3");const ee=(s,t,e)=>{const i=e?.renderBefore??t;let r=i._$litPart$;if(r===void 0){const o=e?.renderBefore??null;i._$litPart$=r=new B(t.insertBefore(N(),o),o,void 0,e??{})}return r._$AI(s),r},st=globalThis;class z extends k{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){const t=super.createRenderRoot();return this.renderOptions.renderBefore??=t.firstChild,t}update(t){const e=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(t),this._$Do=ee(e,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return C}}z._$litElement$=!0,z.finalized=!0,st.litElementHydrateSupport?.({LitElement:z});const se=st.litElementPolyfillSupport;se?.({LitElement:z}),(st.litElementVersions??=[]).push("4.2.2");const ie={attribute:!0,type:String,converter:F,reflect:!1,hasChanged:Q},re=(s=ie,t,e)=>{const{kind:i,metadata:r}=e;let o=globalThis.litPropertyMetadata.get(r);if(o===void 0&&globalThis.litPropertyMetadata.set(r,o=new Map),i==="setter"&&((s=Object.create(s)).wrapped=!0),o.set(e.name,s),i==="accessor"){const{name:n}=e;return{set(l){const a=t.get.call(this);t.set.call(this,l),this.requestUpdate(n,a,s,!0,l)},init(l){return l!==void 0&&this.C(n,void 0,s,l),l}}}if(i==="setter"){const{name:n}=e;return function(l){const a=this[n];t.call(this,l),this.requestUpdate(n,a,s,!0,l)}}throw Error("Unsupported decorator location: "+i)};function g(s){return(t,e)=>typeof e=="object"?re(s,t,e):((i,r,o)=>{const n=r.hasOwnProperty(o);return r.constructor.createProperty(o,i),n?Object.getOwnPropertyDescriptor(r,o):void 0})(s,t,e)}function f(s){return g({...s,state:!0,attribute:!1})}class D extends Error{constructor(t,e,i={}){super(e),this.status=t,this.fieldErrors=i}}function oe(){try{const s=new URL(import.meta.url).origin;if(s.startsWith("http"))return s}catch{}return typeof location>"u"?"":location.origin}async function ne(s,t,e,i={}){for(let r=0;;r++){const o=await t.get(r>0).catch(()=>null);if(!o)throw new D(401,"This widget has no access token. Ask the page owner to configure it.");let n;try{n=await fetch(s.replace(/\/$/,"")+e,{method:i.method??"GET",headers:{Authorization:`Bearer ${o}`,Accept:"application/json",...i.body===void 0?{}:{"Content-Type":"application/json"}},body:i.body===void 0?void 0:JSON.stringify(i.body),credentials:"omit",cache:"no-store",signal:i.signal})}catch(a){if(a.name==="AbortError")throw a;if(r===0)continue;throw new D(0,"Sightline cannot be reached from this page.")}if(n.ok)return await n.json();if(n.status===401&&r===0)continue;const l=await n.json().catch(()=>({}));throw new D(n.status,l.detail??`Sightline answered ${n.status}.`,l.errors??{})}}class ae{constructor(t,e=()=>{}){this.onMessage=t,this.onRetry=e,this.buffer="",this.data=[],this.event="",this.lastEventId=""}push(t){for(this.buffer+=t;;){const e=/\r\n|\n|\r/.exec(this.buffer);if(!e||e[0]==="\r"&&e.index===this.buffer.length-1)return;const i=this.buffer.slice(0,e.index);this.buffer=this.buffer.slice(e.index+e[0].length),this.line(i)}}line(t){if(t===""){this.data.length&&this.onMessage({event:this.event||"message",data:this.data.join(`
`),lastEventId:this.lastEventId}),this.data=[],this.event="";return}if(t.startsWith(":"))return;const e=t.indexOf(":"),i=e<0?t:t.slice(0,e);let r=e<0?"":t.slice(e+1);r.startsWith(" ")&&(r=r.slice(1)),i==="data"?this.data.push(r):i==="event"?this.event=r:i==="id"&&!r.includes("\0")?this.lastEventId=r:i==="retry"&&/^\d+$/.test(r)&&this.onRetry(Number(r))}}class le{constructor(t,e=(...i)=>fetch(...i)){this.base=t,this.fetchImpl=e,this.subs=new Set,this.abort=null,this.attempt=0,this.retryHint=0,this.refused=!1,this.lastEventId="",this.state="connecting",this.online=()=>{this.state==="retrying"&&(this.attempt=0,this.connect())}}get size(){return this.subs.size}subscribe(t){return this.subs.add(t),t.onState?.(this.state),this.subs.size===1&&this.connect(),()=>{this.subs.delete(t),this.subs.size===0&&this.stop()}}setState(t){this.state=t;for(const e of this.subs)e.onState?.(t)}stop(){clearTimeout(this.timer),this.abort?.abort(),this.abort=null,typeof window<"u"&&window.removeEventListener("online",this.online)}async tokenFor(t){for(const e of this.subs){const i=await e.token(t).catch(()=>null);if(i)return i}return null}connect(){clearTimeout(this.timer),this.abort?.abort();const t=new AbortController;this.abort=t,typeof window<"u"&&window.addEventListener("online",this.online),this.setState("connecting"),this.run(t).catch(()=>{}).finally(()=>{this.abort===t&&!t.signal.aborted&&this.retry()})}retry(){this.setState("retrying");const t=Math.max(this.retryHint,Math.min(3e4,1e3*2**this.attempt));this.attempt=Math.min(this.attempt+1,5),this.timer=setTimeout(()=>this.connect(),t/2+Math.random()*(t/2))}async run(t){const e=await this.tokenFor(this.refused);if(!e||t.signal.aborted)return;const i={Authorization:`Bearer ${e}`,Accept:"text/event-stream"};this.lastEventId&&(i["Last-Event-ID"]=this.lastEventId);const r=await this.fetchImpl(`${this.base}/api/v1/stream`,{headers:i,credentials:"omit",cache:"no-store",signal:t.signal});if(this.refused=r.status===401||r.status===403,!r.ok||!r.body)return;this.attempt=0,this.setState("open");const o=new ae(l=>{this.lastEventId=l.lastEventId,this.dispatch(l.event,l.data)},l=>this.retryHint=l),n=r.body.pipeThrough(new TextDecoderStream).getReader();for(;;){const{done:l,value:a}=await n.read();if(l)return;o.push(a)}}dispatch(t,e){if(t!=="order"&&t!=="escalation")return;let i;try{i=JSON.parse(e)}catch{return}if(!i||typeof i!="object")return;const r={kind:t,data:i};for(const o of this.subs)o.onEvent(r)}}const wt=new Map;function he(s){let t=wt.get(s);return t||wt.set(s,t=new le(s)),t}const de=U`
  :host {
    --_fg: var(--sightline-color-text, #1e293b);
    --_muted: var(--sightline-color-muted, color-mix(in srgb, var(--_fg) 72%, var(--_bg)));
    --_bg: var(--sightline-color-surface, #ffffff);
    --_sub: var(--sightline-color-subtle, color-mix(in srgb, var(--_fg) 8%, var(--_bg)));
    --_line: var(--sightline-color-border, color-mix(in srgb, var(--_fg) 20%, var(--_bg)));
    --_accent: var(--sightline-color-accent, #1d4ed8);
    --_on-accent: var(--sightline-color-on-accent, #ffffff);
    --_danger: var(--sightline-color-danger, #b42318);
    --_ok: var(--sightline-color-success, #157f3b);
    --_warn: var(--sightline-color-warning, #a15c07);
    --_radius: var(--sightline-radius, 8px);
    --_gap: var(--sightline-spacing, 12px);
    display: block;
    box-sizing: border-box;
    /* In a host's grid or flex layout, long content (an order number, a tracking text) scrolls
       inside the widget instead of widening it over its neighbours. */
    min-width: 0;
    max-width: 100%;
    font-family: var(--sightline-font-family, inherit);
    font-size: var(--sightline-font-size, 0.9375rem);
    line-height: 1.4;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: var(--_gap);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme="light"])) {
      --_fg: var(--sightline-color-text, #e5e9f0);
      --_bg: var(--sightline-color-surface, #111827);
      --_accent: var(--sightline-color-accent, #8ab4ff);
      --_on-accent: var(--sightline-color-on-accent, #0b1220);
      --_danger: var(--sightline-color-danger, #ff9b8f);
      --_ok: var(--sightline-color-success, #6ee7a0);
      --_warn: var(--sightline-color-warning, #fbbf5a);
    }
  }
  :host([theme="dark"]) {
    --_fg: var(--sightline-color-text, #e5e9f0);
    --_bg: var(--sightline-color-surface, #111827);
    --_accent: var(--sightline-color-accent, #8ab4ff);
    --_on-accent: var(--sightline-color-on-accent, #0b1220);
    --_danger: var(--sightline-color-danger, #ff9b8f);
    --_ok: var(--sightline-color-success, #6ee7a0);
    --_warn: var(--sightline-color-warning, #fbbf5a);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  h2 {
    font-size: 1.05em;
    margin: 0 0 var(--_gap);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  input,
  select,
  textarea {
    background: var(--_bg);
    border: 1px solid var(--_line);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 6px 8px;
  }
  button {
    cursor: pointer;
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 6px 12px;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  :focus-visible {
    outline: 2px solid var(--sightline-focus-ring, var(--_accent));
    outline-offset: 2px;
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
  .skeleton {
    background: var(--_sub);
    border-radius: 4px;
    color: transparent;
  }
  .badge {
    display: inline-block;
    padding: 1px 8px;
    border-radius: 999px;
    background: var(--_sub);
    font-size: 0.85em;
    white-space: nowrap;
  }
  .badge.late {
    color: var(--_danger);
  }
  .badge.late.delivered {
    color: var(--_warn);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;function St(s){try{const t=s.split(".")[1]??"",e=atob(t.replace(/-/g,"+").replace(/_/g,"/").padEnd(Math.ceil(t.length/4)*4,"=")),i=JSON.parse(e);return i&&typeof i=="object"?i:{}}catch{return{}}}function ce(s,t){if(!s.exp)return null;const e=s.exp*1e3,i=(s.iat??s.exp-60)*1e3,r=Math.min(i+(e-i)*.8,e-15e3);return Math.max(0,r-t)}class pe{constructor(t){this.host=t,this.current=null,this.pending=null,this.connected=!1,this.claims={},t.addController(this)}hostConnected(){this.connected=!0,this.current&&this.schedule()}hostDisconnected(){this.connected=!1,clearTimeout(this.timer)}attributeChanged(){this.host.fetchToken||!this.host.token||this.set(this.host.token)}async get(t=!1){return this.host.fetchToken?this.current&&!t&&(this.claims.exp??1/0)*1e3-Date.now()>5e3?this.current:(this.pending??=this.host.fetchToken().then(e=>{const i=typeof e=="string"?e:e?.token;if(!i)throw new Error("fetchToken returned no token");return this.set(i),i}).finally(()=>this.pending=null),this.pending):(this.host.token&&this.host.token!==this.current&&this.set(this.host.token),this.current)}set(t){const e=this.current!==null&&this.current!==t;this.current=t,this.claims=St(t),this.schedule(),e&&this.host.tokenChanged()}schedule(){if(clearTimeout(this.timer),!this.connected||!this.host.fetchToken)return;const t=ce(this.claims,Date.now());t!==null&&(this.timer=setTimeout(()=>void this.get(!0).catch(()=>this.retryLater()),t))}retryLater(){clearTimeout(this.timer),this.connected&&(this.timer=setTimeout(()=>void this.get(!0).catch(()=>this.retryLater()),5e3))}}var ue=Object.defineProperty,w=(s,t,e,i)=>{for(var r=void 0,o=s.length-1,n;o>=0;o--)(n=s[o])&&(r=n(t,e,r)||r);return r&&ue(t,e,r),r};const xt=class extends z{constructor(){super(...arguments),this.token=null,this.apiBase="",this.noLive=!1,this.loadState="loading",this.errorMessage="",this.liveState="off",this.auth=new pe(this),this.abort=null,this.liveOff=null,this.loadedOnce=!1}static define(t){customElements.get(t)||customElements.define(t,this)}queryProps(){return[]}onLive(t){}get apiOrigin(){return this.apiBase||oe()}get timeZone(){return this.apiTimeZone??this.auth.claims.tz}api(t,e){return ne(this.apiOrigin,this.auth,t,e)}emit(t,e){this.dispatchEvent(new CustomEvent(t,{detail:e,bubbles:!0,composed:!0}))}connectedCallback(){super.connectedCallback(),this.hasUpdated&&this.startLive()}disconnectedCallback(){super.disconnectedCallback(),this.stopLive(),this.abort?.abort(),clearTimeout(this.liveTimer)}willUpdate(t){t.has("token")&&this.auth.attributeChanged();const e=[...this.queryProps(),"apiBase"],i=(t.has("token")||t.has("fetchToken"))&&this.loadState==="error";(!this.loadedOnce||e.some(r=>t.has(r))||i)&&(this.loadedOnce=!0,this.reload())}updated(t){(t.has("noLive")||t.has("apiBase"))&&(this.stopLive(),this.startLive())}tokenChanged(){this.loadState==="error"&&this.reload()}async reload(t=!1){this.abort?.abort();const e=new AbortController;this.abort=e,t||(this.loadState="loading");try{await this.load(e.signal),e.signal.aborted||(this.loadState="ready")}catch(i){if(e.signal.aborted||t&&this.loadState==="ready")return;this.errorMessage=i instanceof D?i.message:"Something went wrong while loading.",this.loadState="error"}}reloadSoon(t=400){clearTimeout(this.liveTimer),this.liveTimer=setTimeout(()=>void this.reload(!0),t)}startLive(){this.noLive||this.liveOff||(this.liveOff=he(this.apiOrigin).subscribe({onEvent:t=>this.onLive(t),onState:t=>this.liveState=t,token:async t=>{const e=await this.auth.get(t);return e&&St(e).scp?.includes("orders:read")?e:null}}))}stopLive(){this.liveOff?.(),this.liveOff=null,this.liveState="off"}renderError(){return h`<div part="error" role="alert" class="error">
      <p>${this.errorMessage}</p>
      <button class="secondary" @click=${()=>this.reload()}>Try again</button>
    </div>`}renderLive(){if(this.liveState==="off")return null;const t=this.liveState==="open"?"Live":this.liveState==="connecting"?"Connecting\u2026":"Reconnecting\u2026";return h`<span part="live" class="badge muted" role="status">${t}</span>`}};xt.styles=[de];let m=xt;w([g()],m.prototype,"token"),w([g({attribute:!1})],m.prototype,"fetchToken"),w([g({attribute:"api-base"})],m.prototype,"apiBase"),w([g({type:Boolean,attribute:"no-live"})],m.prototype,"noLive"),w([g({reflect:!0})],m.prototype,"theme"),w([f()],m.prototype,"loadState"),w([f()],m.prototype,"errorMessage"),w([f()],m.prototype,"liveState");const At=new Map;function Et(s,t){const e=`${s}|${JSON.stringify(t)}`;let i=At.get(e);if(!i){try{i=new Intl.DateTimeFormat(void 0,{...t,timeZone:s})}catch{i=new Intl.DateTimeFormat(void 0,t)}At.set(e,i)}return i}function H(s,t){if(!s)return"\u2014";const e=new Date(s);return Number.isNaN(e.getTime())?"\u2014":Et(t,{dateStyle:"medium",timeStyle:"short"}).format(e)}function it(s){if(!s)return"\u2014";const t=/^(\d{4})-(\d{2})-(\d{2})/.exec(s);return t?Et("UTC",{dateStyle:"medium"}).format(new Date(Date.UTC(+t[1],+t[2]-1,+t[3]))):"\u2014"}function P(s){if(!s)return"\u2014";const t=s.replace(/_/g," ");return t.charAt(0).toUpperCase()+t.slice(1)}function ge(s){return s.lateState==="delivered"?{kind:"delivered",text:"Delivered late"}:s.lateState==="open"||s.late?{kind:"open",text:"Late"}:null}function kt(s){const t=ge(s);return t?h`<span class="badge late ${t.kind}">${t.text}</span>`:d}var me=Object.defineProperty,b=(s,t,e,i)=>{for(var r=void 0,o=s.length-1,n;o>=0;o--)(n=s[o])&&(r=n(t,e,r)||r);return r&&me(t,e,r),r};const fe=["received","confirmed","allocated","backordered","on_hold","picked","packed","shipped","in_transit","out_for_delivery","delivered","exception","cancelled"],Ct=class extends m{constructor(){super(...arguments),this.heading="Orders",this.status="",this.site="",this.late="",this.lateOnly=!1,this.pageSize=10,this.query="",this.chosenStatus="",this.rows=[],this.cursors=[null],this.page=0,this.nextCursor=null}queryProps(){return["status","site","late","lateOnly","pageSize","query","chosenStatus"]}get limit(){return Math.min(50,Math.max(1,Math.floor(this.pageSize)||10))}willUpdate(t){this.queryProps().some(e=>t.has(e)&&this.hasUpdated)&&(this.cursors=[null],this.page=0),super.willUpdate(t)}async load(t){const e=new URLSearchParams,i=this.status||this.chosenStatus;for(const l of i.split(",").filter(Boolean))e.append("status",l.trim());this.site&&e.set("site",this.site);const r=["open","delivered","any"].includes(this.late)?this.late:this.lateOnly?"any":"";r&&e.set("late",r),this.query.trim()&&e.set("q",this.query.trim()),e.set("limit",String(this.limit));const o=this.cursors[this.page];o&&e.set("cursor",o);const n=await this.api(`/api/v1/orders?${e}`,{signal:t});this.rows=n.data,this.nextCursor=n.page?.next??null,n.timeZone&&(this.apiTimeZone=n.timeZone)}onLive(t){t.kind==="order"&&this.reloadSoon()}onSearch(t){const e=t.target.value;clearTimeout(this.searchTimer),this.searchTimer=setTimeout(()=>this.query=e,300)}go(t){t>0&&this.nextCursor&&(this.cursors=[...this.cursors.slice(0,this.page+1),this.nextCursor]),this.page=Math.max(0,this.page+t),this.reload()}select(t){this.emit("sightline-order-select",{orderId:t.id,orderNumber:t.orderNumber})}render(){return h`
      <div class="head">
        <h2>${this.heading}</h2>
        ${this.renderLive()}
      </div>
      <div part="toolbar" class="toolbar" role="search">
        <label
          >Search orders
          <input type="search" .value=${this.query} @input=${this.onSearch} placeholder="Order, PO, SKU…" />
        </label>
        ${this.status?d:h`<label
                >Status
                <select
                  .value=${this.chosenStatus}
                  @change=${t=>this.chosenStatus=t.target.value}
                >
                  <option value="">All statuses</option>
                  ${fe.map(t=>h`<option value=${t} ?selected=${t===this.chosenStatus}>${P(t)}</option>`)}
                </select>
              </label>`}
      </div>
      <div class="body" style="--_rows:${this.limit}" aria-busy=${this.loadState==="loading"}>
        ${this.renderBody()}
      </div>
    `}renderBody(){if(this.loadState==="error")return this.renderError();const t=this.loadState==="loading";if(!t&&this.rows.length===0)return h`<p class="muted" role="status">No orders match${this.query?` \u201C${this.query}\u201D`:""}.</p>`;const e=this.timeZone,i=t?Array.from({length:this.limit},()=>null):this.rows;return h`<div class="wrap">
        <table part="table">
          <caption class="sr-only">
            ${this.heading}${t?" (loading)":`, page ${this.page+1}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">PO</th>
              <th scope="col">Status</th>
              <th scope="col">Promised</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            ${i.map(r=>r?h`<tr part="row">
                    <td><button @click=${()=>this.select(r)}>${r.orderNumber}</button></td>
                    <td>${r.customerPo??"\u2014"}</td>
                    <td>
                      <span class="badge">${P(r.status)}</span>
                      ${kt(r)}
                    </td>
                    <td>${it(r.promisedDate)}</td>
                    <td>${H(r.statusAt,e)}</td>
                  </tr>`:h`<tr aria-hidden="true">
                    <td colspan="5"><span class="skeleton">Loading order</span></td>
                  </tr>`)}
          </tbody>
        </table>
      </div>
      <div part="pager" class="pager">
        <button class="secondary" ?disabled=${this.page===0} @click=${()=>this.go(-1)}>Previous</button>
        <span class="muted">Page ${this.page+1}</span>
        <button class="secondary" ?disabled=${!this.nextCursor} @click=${()=>this.go(1)}>Next</button>
      </div>`}};Ct.styles=[m.styles,U`
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: end;
        margin-bottom: var(--_gap);
      }
      label {
        display: grid;
        gap: 2px;
        font-size: 0.85em;
        color: var(--_muted);
      }
      .body {
        min-height: calc(var(--sightline-row-height, 2.5rem) * (var(--_rows) + 1));
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: left;
        padding: 0 8px;
        height: var(--sightline-row-height, 2.5rem);
        border-bottom: 1px solid var(--_line);
        white-space: nowrap;
      }
      th {
        font-size: 0.85em;
        color: var(--_muted);
        font-weight: 600;
      }
      td button {
        background: none;
        border: 0;
        padding: 0;
        color: var(--_accent);
        text-decoration: underline;
      }
      .wrap {
        overflow-x: auto;
      }
      .pager {
        display: flex;
        gap: 8px;
        align-items: center;
        justify-content: flex-end;
        margin-top: var(--_gap);
      }
      .head {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
      }
    `];let v=Ct;b([g()],v.prototype,"heading"),b([g()],v.prototype,"status"),b([g()],v.prototype,"site"),b([g()],v.prototype,"late"),b([g({type:Boolean,attribute:"late-only"})],v.prototype,"lateOnly"),b([g({type:Number,attribute:"page-size"})],v.prototype,"pageSize"),b([f()],v.prototype,"query"),b([f()],v.prototype,"chosenStatus"),b([f()],v.prototype,"rows"),b([f()],v.prototype,"cursors"),b([f()],v.prototype,"page"),b([f()],v.prototype,"nextCursor"),v.define("sightline-order-list");var ve=Object.defineProperty,Ot=(s,t,e,i)=>{for(var r=void 0,o=s.length-1,n;o>=0;o--)(n=s[o])&&(r=n(t,e,r)||r);return r&&ve(t,e,r),r};const be=["ordered","confirmed","picked","shipped","in_transit","delivered"],Pt={received:0,confirmed:1,allocated:1,picked:2,packed:2,shipped:3,in_transit:4,out_for_delivery:4,delivered:5},ye={on_hold:"On hold",backordered:"Backordered",exception:"Exception"};function $e(s,t){if(s==="cancelled")return{reached:-1,issue:null,cancelled:!0};const e=Pt[s];return e!==void 0?{reached:e,issue:null,cancelled:!1}:{reached:t.map(i=>Pt[i.type]).find(i=>i!==void 0)??0,issue:ye[s]??P(s),cancelled:!1}}const Tt=class extends m{constructor(){super(...arguments),this.order="",this.detail=null}queryProps(){return["order"]}async load(t){if(!this.order){this.detail=null;return}const e=await this.api(`/api/v1/orders/${encodeURIComponent(this.order)}`,{signal:t});this.detail=e.data,e.timeZone&&(this.apiTimeZone=e.timeZone)}onLive(t){t.kind==="order"&&this.detail&&t.data.orderId===this.detail.id&&this.reloadSoon(200)}render(){if(this.loadState==="error")return this.renderError();if(!this.order)return h`<p class="muted">Choose an order to track.</p>`;const t=this.detail;if(this.loadState==="loading"||!t)return h`<div aria-busy="true">
        <p class="skeleton">Loading order…</p>
        <p class="skeleton">&nbsp;</p>
      </div>`;const e=this.timeZone,i=[...t.events??[]].sort((l,a)=>a.occurredAt.localeCompare(l.occurredAt)),r=$e(t.status,i),o=r.issue||r.cancelled?-1:r.reached,n=r.issue?r.reached+1:-1;return h`
      <div class="head">
        <h2>Order ${t.orderNumber}</h2>
        ${this.renderLive()}
      </div>
      <p>
        <span class="badge" aria-label="Status">${P(t.status)}</span>
        ${kt(t)}
      </p>
      <ol part="progress" class="progress" aria-label="Progress">
        ${be.map((l,a)=>{const u=!r.cancelled&&a<=r.reached,p=a===n?"held":a===o?"current":u?"done":"";return h`<li
            part=${p?`step ${p}`:"step"}
            class=${p==="current"?"done current":p}
            aria-current=${a===o?"step":"false"}
          >
            ${P(l)}${a===n&&r.issue?h`<span class="issue">${r.issue}</span>`:d}
          </li>`})}
      </ol>
      <dl part="dates">
        <dt>Ordered</dt>
        <dd>${H(t.orderedAt,e)}</dd>
        <dt>Promised</dt>
        <dd>${it(t.promisedDate)}</dd>
        ${t.predictedDate?h`<dt>Expected</dt>
                <dd>${it(t.predictedDate)}</dd>`:d}
        ${t.shippedAt?h`<dt>Shipped</dt>
                <dd>${H(t.shippedAt,e)}</dd>`:d}
        ${t.deliveredAt?h`<dt>Delivered</dt>
                <dd>${H(t.deliveredAt,e)}</dd>`:d}
        ${t.carrier?h`<dt>Carrier</dt>
                <dd>${t.carrier} ${t.trackingNumber??""}</dd>`:d}
      </dl>
      <h3 class="sr-only">Timeline</h3>
      ${i.length?h`<ul part="timeline" class="timeline" aria-label="Timeline">
              ${i.map(l=>h`<li>
                    <span>${P(l.type)}${l.location?` \xB7 ${l.location}`:""}</span>
                    <span class="muted">${H(l.occurredAt,e)}</span>
                  </li>`)}
            </ul>`:h`<p class="muted">No events yet.</p>`}
    `}};Tt.styles=[m.styles,U`
      :host {
        min-height: 16rem;
      }
      ol.progress {
        list-style: none;
        display: grid;
        grid-template-columns: repeat(6, 1fr);
        gap: 4px;
        padding: 0;
        margin: 0 0 var(--_gap);
        font-size: 0.8em;
      }
      ol.progress li {
        border-top: 4px solid var(--_line);
        padding-top: 4px;
        color: var(--_muted);
      }
      ol.progress li.done {
        border-color: var(--_accent);
        color: var(--_fg);
      }
      ol.progress li.current {
        font-weight: 700;
      }
      ol.progress li.held {
        border-color: var(--_warn);
        color: var(--_fg);
        font-weight: 700;
      }
      ol.progress li .issue {
        display: block;
        color: var(--_warn);
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 4px 12px;
        margin: 0 0 var(--_gap);
      }
      dt {
        color: var(--_muted);
      }
      dd {
        margin: 0;
      }
      ul.timeline {
        list-style: none;
        margin: 0;
        padding: 0;
        max-height: 12rem;
        overflow: auto;
      }
      ul.timeline li {
        display: flex;
        justify-content: space-between;
        gap: 8px;
        padding: 4px 0;
        border-bottom: 1px solid var(--_line);
      }
      .head {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 8px;
      }
    `];let K=Tt;Ot([g()],K.prototype,"order"),Ot([f()],K.prototype,"detail"),K.define("sightline-order-tracker");var _e=Object.defineProperty,rt=(s,t,e,i)=>{for(var r=void 0,o=s.length-1,n;o>=0;o--)(n=s[o])&&(r=n(t,e,r)||r);return r&&_e(t,e,r),r};function Ut(s,t){if(t==null)return"\u2014";const e=new Intl.NumberFormat(void 0,{maximumFractionDigits:1}).format(t);return s.unit==="%"?`${e}%`:`${e} h`}function we(s,t){if(!(t!=="otif"&&t!=="onTime"&&t!=="inFull"))return s.trend.map(e=>e[t])}function Se(s){const t=(s??[]).filter(o=>typeof o=="number");if(t.length<2)return d;const e=Math.min(...t),i=Math.max(...t)-e||1,r=t.map((o,n)=>`${(n/(t.length-1)*100).toFixed(1)},${(28-(o-e)/i*24).toFixed(1)}`).join(" ");return Vt`<svg part="trend" viewBox="0 0 100 30" preserveAspectRatio="none" aria-hidden="true"><polyline points=${r} fill="none" stroke="currentColor" stroke-width="2" vector-effect="non-scaling-stroke"/></svg>`}const Mt=class extends m{constructor(){super(...arguments),this.period="",this.site="",this.card=null}queryProps(){return["period","site"]}async load(t){const e=new URLSearchParams;this.period&&e.set("period",this.period),this.site&&e.set("site",this.site);const i=await this.api(`/api/v1/sla/scorecard${e.size?`?${e}`:""}`,{signal:t});this.card=i.data,i.data.tenant?.timeZone&&(this.apiTimeZone=i.data.tenant.timeZone)}onLive(t){t.kind==="order"&&this.reloadSoon(3e3)}render(){const t=this.loadState==="loading",e=this.card;return h`
      <div class="head">
        <h2>Service levels${this.card?.period?.label?h` · ${this.card.period.label}`:d}</h2>
        ${this.renderLive()}
      </div>
      ${this.loadState==="error"?this.renderError():t||!e?h`<div class="tiles" aria-busy="true">
                ${[0,1,2,3].map(()=>h`<div class="tile skeleton">Loading</div>`)}
              </div>`:e.kpis.every(i=>i.value===null)?h`<p class="muted" role="status">No measured orders in this period yet.</p>`:h`<ul part="tiles" class="tiles">
                  ${e.kpis.map(i=>{const r=i.met===!0?"met":i.met===!1?"missed":"";return h`<li part=${`tile ${r}`.trim()} class="tile">
                      <span class="muted">${i.label}</span>
                      <span class="value ${r}">${Ut(i,i.value)}</span>
                      <span class="muted"
                        >${i.target===null||i.target===void 0?"No target":`Target ${Ut(i,i.target)}`}${r?` \xB7 ${r==="met"?"met":"missed"}`:""}</span
                      >
                      ${Se(we(e,i.id))}
                    </li>`})}
                </ul>`}
    `}};Mt.styles=[m.styles,U`
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(var(--sightline-tile-min-width, 9rem), 1fr));
        gap: var(--_gap);
        min-height: 7rem;
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .tile {
        border: 1px solid var(--_line);
        border-radius: var(--_radius);
        padding: 8px 10px;
        min-height: 7rem;
        display: grid;
        align-content: start;
        gap: 2px;
      }
      .value {
        font-size: 1.6em;
        font-weight: 700;
      }
      .met {
        color: var(--_ok);
      }
      .missed {
        color: var(--_danger);
      }
      svg {
        width: 100%;
        height: 24px;
        color: var(--_accent);
      }
      .head {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
      }
    `];let j=Mt;rt([g()],j.prototype,"period"),rt([g()],j.prototype,"site"),rt([f()],j.prototype,"card"),j.define("sightline-sla-scorecard");var xe=Object.defineProperty,T=(s,t,e,i)=>{for(var r=void 0,o=s.length-1,n;o>=0;o--)(n=s[o])&&(r=n(t,e,r)||r);return r&&xe(t,e,r),r};const Ae=[["late_delivery","Late delivery"],["damaged_goods","Damaged goods"],["wrong_items","Wrong items"],["documentation","Documentation"],["billing","Billing"],["other","Something else"]],Ee=[["P3","P3 \u2014 normal"],["P2","P2 \u2014 high"],["P1","P1 \u2014 critical, business stopped"],["P4","P4 \u2014 low"]],Nt=class extends m{constructor(){super(),this.order="",this.orderNumber="",this.errors={},this.formError="",this.submitting=!1,this.created=null,this.noLive=!0}async load(){}async submit(t){t.preventDefault();const e=t.target,i=new FormData(e),r=n=>String(i.get(n)??"").trim(),o={};if(r("title").length<3&&(o.title="Enter a short summary (at least 3 characters)."),r("description").length<10&&(o.description="Describe the problem (at least 10 characters)."),r("desiredOutcome").length<3&&(o.desiredOutcome="Say what outcome you need."),this.errors=o,this.formError="",this.created=null,Object.keys(o).length){await this.updateComplete,this.renderRoot.querySelector("[aria-invalid=true]")?.focus();return}this.submitting=!0;try{const n=await this.api("/api/v1/escalations",{method:"POST",body:{orderId:this.order||null,category:r("category"),severity:r("severity"),title:r("title"),description:r("description"),desiredOutcome:r("desiredOutcome")}});e.reset(),this.created={ref:n.number?`ESC-${n.number}`:"Your escalation"},this.emit("sightline-escalation-created",{escalationId:n.id,number:n.number??null,orderId:this.order||null})}catch(n){n instanceof D?(this.errors=n.fieldErrors,this.formError=n.message):this.formError="The escalation could not be sent. Try again."}finally{this.submitting=!1}}field(t,e,i){const r=this.errors[t];return h`<div part="field" class="field">
      <label for=${t}>${e}</label>
      ${i} ${r?h`<p id=${`${t}-error`} class="field-error">${r}</p>`:d}
    </div>`}describedBy(t){return this.errors[t]?`${t}-error`:d}render(){return this.loadState==="error"?this.renderError():h`
      <h2>Raise an escalation${this.orderNumber?` for order ${this.orderNumber}`:""}</h2>
      <form part="form" @submit=${this.submit} novalidate>
        <div class="row">
          ${this.field("category","What is it about?",h`<select id="category" name="category">
              ${Ae.map(([t,e])=>h`<option value=${t}>${e}</option>`)}
            </select>`)}
          ${this.field("severity","Severity",h`<select id="severity" name="severity">
              ${Ee.map(([t,e])=>h`<option value=${t}>${e}</option>`)}
            </select>`)}
        </div>
        ${this.field("title","Summary",h`<input
            id="title"
            name="title"
            maxlength="200"
            required
            aria-invalid=${this.errors.title?"true":"false"}
            aria-describedby=${this.describedBy("title")}
          />`)}
        ${this.field("description","What happened?",h`<textarea
            id="description"
            name="description"
            maxlength="10000"
            required
            aria-invalid=${this.errors.description?"true":"false"}
            aria-describedby=${this.describedBy("description")}
          ></textarea>`)}
        ${this.field("desiredOutcome","What outcome do you need?",h`<input
            id="desiredOutcome"
            name="desiredOutcome"
            maxlength="4000"
            required
            aria-invalid=${this.errors.desiredOutcome?"true":"false"}
            aria-describedby=${this.describedBy("desiredOutcome")}
          />`)}
        <div role="status" aria-live="polite">
          ${this.created?h`<p part="confirmation" class="ok">
                  ${this.created.ref} was raised. Sightline support will respond.
                </p>`:d}
        </div>
        ${this.formError?h`<p part="error" class="error" role="alert">${this.formError}</p>`:d}
        <div>
          <button part="submit" type="submit" ?disabled=${this.submitting}>
            ${this.submitting?"Sending\u2026":"Raise escalation"}
          </button>
        </div>
      </form>
    `}};Nt.styles=[m.styles,U`
      form {
        display: grid;
        gap: var(--_gap);
        min-height: 22rem;
      }
      .field {
        display: grid;
        gap: 4px;
      }
      .field label {
        font-weight: 600;
        font-size: 0.9em;
      }
      .row {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
        gap: var(--_gap);
      }
      textarea {
        min-height: 4.5rem;
        resize: vertical;
      }
      .field-error {
        color: var(--_danger);
        font-size: 0.85em;
        margin: 0;
      }
      .ok {
        color: var(--_ok);
      }
    `];let S=Nt;T([g()],S.prototype,"order"),T([g({attribute:"order-number"})],S.prototype,"orderNumber"),T([f()],S.prototype,"errors"),T([f()],S.prototype,"formError"),T([f()],S.prototype,"submitting"),T([f()],S.prototype,"created"),S.define("sightline-escalation-form");export{S as SightlineEscalationForm,v as SightlineOrderList,K as SightlineOrderTracker,j as SightlineSlaScorecard};
