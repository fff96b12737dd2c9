-- Neovim knows main.cf (filetype pfmain) but not master.cf: add pfmaster.
vim.cmd([[autocmd BufRead,BufNewFile master.cf,master.cf.proto setfiletype pfmaster]])
