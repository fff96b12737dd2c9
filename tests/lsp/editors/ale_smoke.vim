" ale_smoke.vim — Vim 9 + ALE 3.3 drive `pflint lsp` through editors/vim:
" open main.cf, wait for the location list, hover, and see a finding go
" after an edit. Writes "ok" to $PFLINT_RESULT; :cquit on failure.
let s:result = $PFLINT_RESULT
function! s:Finish(ok, msg) abort
  call writefile([a:ok ? 'ok' : 'FAIL: ' . a:msg], s:result)
  if a:ok | qall! | else | cquit 1 | endif
endfunction
function! s:Wait(expr, ms) abort
  let l:waited = 0
  while !eval(a:expr) && l:waited < a:ms
    sleep 20m
    let l:waited += 20
  endwhile
  return eval(a:expr)
endfunction
function! s:Codes() abort
  let l:info = get(get(g:, 'ale_buffer_info', {}), bufnr(''), {})
  return map(copy(get(l:info, 'loclist', [])), 'get(v:val, "code", "")')
endfunction

try
  set runtimepath^=/usr/share/vim-ale
  execute 'set runtimepath^=' . $PFLINT_EDITORS . '/vim'
  runtime plugin/ale.vim
  runtime plugin/pflint.vim
  let g:ale_pflint_executable = $PFLINT
  let g:ale_linters = {'pfmain': ['pflint'], 'pfmaster': ['pflint']}
  let g:ale_lint_delay = 0
  filetype on
  execute 'edit ' . $PFLINT_FIXTURE . '/main.cf'
  if &filetype !=# 'pfmain' | throw 'main.cf has filetype ' . &filetype | endif
  ALELint
  if !s:Wait('index(s:Codes(), "PF3001") >= 0', 15000)
    throw 'no PF3001 in the loclist: ' . string(get(g:, 'ale_buffer_info', {}))
  endif
  " Hover on smtp_tls_security_level (line 5, column 3).
  let s:hover = ''
  function! s:OnHover(response) abort
    let l:c = get(get(a:response, 'result', {}), 'contents', {})
    let s:hover = type(l:c) == v:t_dict ? get(l:c, 'value', '') : string(l:c)
  endfunction
  call ale#lsp_linter#SendRequest(bufnr(''), 'pflint', ale#lsp#message#Hover(bufnr(''), 5, 3), function('s:OnHover'))
  if !s:Wait('s:hover =~# "relay/unix"', 10000) | throw 'hover: ' . s:hover | endif
  " Delete the smtp_use_tls line (line 4) and lint again: PF3001 must go.
  4delete
  ALELint
  if !s:Wait('index(s:Codes(), "PF3001") < 0', 15000) | throw 'PF3001 still reported: ' . string(s:Codes()) | endif
  ALEStopAllLSPs
  call s:Finish(1, '')
catch
  call s:Finish(0, v:exception . ' at ' . v:throwpoint)
endtry
