/**
 * The interactive API reference at /api/docs. Self-contained (no CDN, no bundle): it reads
 * /api/openapi.json and renders every operation with its parameters, body schema and responses, and a
 * "Try it" form that sends the request with the session cookie and the CSRF header. Works offline.
 */
export const referencePage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Shijian API 参考 / reference</title>
<style>
body{font:14px/1.5 system-ui,sans-serif;margin:0;display:flex;height:100vh}
nav{width:300px;overflow:auto;border-right:1px solid #ddd;padding:8px;background:#fafafa}
nav a{display:block;color:#222;text-decoration:none;padding:2px 4px;font-size:13px}nav a:hover{background:#eee}
main{flex:1;overflow:auto;padding:16px 24px}
.m{display:inline-block;min-width:52px;font-weight:600;text-transform:uppercase;font-size:12px}
.get{color:#1677ff}.post{color:#389e0d}.put,.patch{color:#d48806}.delete{color:#cf1322}
section{border-bottom:1px solid #eee;padding:12px 0}pre{background:#f6f6f6;padding:8px;overflow:auto;max-height:320px}
textarea{width:100%;min-height:90px;font-family:monospace}input{font-family:monospace}
</style></head><body><nav id="nav"></nav><main id="main">Loading…</main>
<script>
const esc=(s)=>String(s).replace(/[&<>"]/g,(ch)=>({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[ch]));
const csrf=()=>(document.cookie.split('; ').find((c)=>c.startsWith('csrf='))||'').slice(5);
fetch('/api/openapi.json').then((r)=>r.json()).then((doc)=>{
  const nav=document.getElementById('nav'),main=document.getElementById('main');main.innerHTML='<h1>'+esc(doc.info.title)+' '+esc(doc.info.version)+'</h1><p>'+esc(doc.info.description||'')+'</p>';
  let n=0;
  for(const [path,ops] of Object.entries(doc.paths||{}))for(const [method,op] of Object.entries(ops)){
    const id='op'+(n++);nav.insertAdjacentHTML('beforeend','<a href="#'+id+'"><span class="m '+method+'">'+method+'</span>'+esc(path)+'</a>');
    const params=(op.parameters||[]).map((p)=>'<div>'+esc(p.in)+' <b>'+esc(p.name)+'</b>'+(p.required?' *':'')+' <input data-in="'+esc(p.in)+'" data-name="'+esc(p.name)+'"></div>').join('');
    const body=op.requestBody?'<div>body</div><pre>'+esc(JSON.stringify(op.requestBody.content,null,1))+'</pre><textarea></textarea>':'';
    const responses='<pre>'+esc(JSON.stringify(op.responses,null,1))+'</pre>';
    main.insertAdjacentHTML('beforeend','<section id="'+id+'" data-path="'+esc(path)+'" data-method="'+method+'"><h3><span class="m '+method+'">'+method+'</span>'+esc(path)+'</h3><p>'+esc(op.summary||'')+'</p>'+params+body+'<details><summary>responses</summary>'+responses+'</details><button>Try it</button><pre class="out"></pre></section>');
  }
  main.addEventListener('click',async(e)=>{
    if(e.target.tagName!=='BUTTON')return;const s=e.target.closest('section');let path=s.dataset.path;const q=new URLSearchParams();const headers={'x-csrf-token':csrf()};
    for(const i of s.querySelectorAll('input')){if(!i.value)continue;if(i.dataset.in==='path')path=path.replace('{'+i.dataset.name+'}',encodeURIComponent(i.value));else if(i.dataset.in==='query')q.set(i.dataset.name,i.value);else if(i.dataset.in==='header')headers[i.dataset.name]=i.value;}
    const t=s.querySelector('textarea');const init={method:s.dataset.method.toUpperCase(),headers,credentials:'same-origin'};
    if(t&&t.value){init.body=t.value;headers['content-type']='application/json';}
    const r=await fetch(path+(q.size?'?'+q:''),init);s.querySelector('.out').textContent=r.status+'\\n'+await r.text();
  });
});
</script></body></html>`;
