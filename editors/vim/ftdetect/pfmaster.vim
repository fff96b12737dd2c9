" Vim knows main.cf (filetype pfmain) but not master.cf: add pfmaster.
autocmd BufRead,BufNewFile master.cf,master.cf.proto setfiletype pfmaster
