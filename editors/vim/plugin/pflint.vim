" Defaults of the pflint ALE linter (ale_linters/pf*/pflint.vim).
let g:ale_pflint_executable = get(g:, 'ale_pflint_executable', 'pflint')
let g:ale_pflint_options = get(g:, 'ale_pflint_options', {})
