" ALE linter: pflint's language server for Postfix master.cf files.
call ale#linter#Define('pfmaster', {
\   'name': 'pflint',
\   'lsp': 'stdio',
\   'executable': {b -> ale#Var(b, 'pflint_executable')},
\   'command': '%e lsp',
\   'project_root': {b -> expand('#' . b . ':p:h')},
\   'initialization_options': {b -> ale#Var(b, 'pflint_options')},
\})
