# heatmap-rnn-cell-gru-hidden-32-on-digits-seq-mode-rows-dcc96395: final validation accuracy (mean over seeds), optimizer by regularizer
# Render from this folder with: gnuplot -c heatmap-rnn-cell-gru-hidden-32-on-digits-seq-mode-rows-dcc96395.gp 'TITLE'
# Labels come from heatmap-rnn-cell-gru-hidden-32-on-digits-seq-mode-rows-dcc96395.dat and the title from ARG1; neither is parsed as code.
title = (ARGC >= 1) ? ARG1 : ''
datafile = 'heatmap-rnn-cell-gru-hidden-32-on-digits-seq-mode-rows-dcc96395.dat'
set terminal pngcairo noenhanced size 1080,420 font 'Sans,10'
set output 'heatmap-rnn-cell-gru-hidden-32-on-digits-seq-mode-rows-dcc96395.png'
set title title noenhanced
set xrange [-0.5:4.5]
set yrange [0.5:-0.5]
set xtics scale 0 rotate by -25 left
set ytics scale 0
set xlabel 'regularizer'
set ylabel 'optimizer'
set cblabel 'final validation accuracy (mean over seeds)'
set cbrange [0.9388888888888889:0.971111111111111]

set palette defined (0 '#fff7bc', 0.5 '#a1dab4', 1 '#41b6c4')
set style fill solid 1.0 noborder
set object 1 rect from graph 0,0 to graph 1,1 back fc rgb '#d9d9d9' fs solid 1.0 noborder
unset key
plot datafile using 1:($3 == $3 ? $2 : NaN):(0.5):(0.5):3 with boxxyerror fc palette, \
     '' using 1:2:4:xtic(5):ytic(6) with labels font 'Sans,10'
set terminal svg noenhanced size 1080,420 font 'Sans,10' background rgb '#ffffff'
set output 'heatmap-rnn-cell-gru-hidden-32-on-digits-seq-mode-rows-dcc96395.svg'
replot
set output
