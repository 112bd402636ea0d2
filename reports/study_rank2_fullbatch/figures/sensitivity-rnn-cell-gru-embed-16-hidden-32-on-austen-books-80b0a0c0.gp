# sensitivity-rnn-cell-gru-embed-16-hidden-32-on-austen-books-80b0a0c0: final loss against the learning rate; points are means over seeds, bars span min to max, circles mark the tuned choice
# Render from this folder with: gnuplot -c sensitivity-rnn-cell-gru-embed-16-hidden-32-on-austen-books-80b0a0c0.gp 'TITLE'
# Labels come from sensitivity-rnn-cell-gru-embed-16-hidden-32-on-austen-books-80b0a0c0.dat and the title from ARG1; neither is parsed as code.
title = (ARGC >= 1) ? ARG1 : ''
datafile = 'sensitivity-rnn-cell-gru-embed-16-hidden-32-on-austen-books-80b0a0c0.dat'
set terminal pngcairo noenhanced size 900,610 font 'Sans,10'
set output 'sensitivity-rnn-cell-gru-embed-16-hidden-32-on-austen-books-80b0a0c0.png'
set title title noenhanced
set grid lc rgb '#d0d0d0'
set key below left Left reverse maxcols 2 samplen 3 spacing 1.1
set xlabel 'learning rate lr (log scale)'
set ylabel 'final validation loss (log scale)'
set border 3
set tics nomirror
set logscale y
set format y '%g'
set logscale x
set format x '%g'
set offsets graph 0.05, graph 0.05, 0, 0
set yrange [2.7714300881711567:18.167477218431912]
N = 4
plot for [i=0:N-1] datafile index i using 1:2:3:4 with yerrorlines ps 0.8 lw 1.5 lc 1+i%8 dt 1+(i/8)%5 title columnheader(2), \
     for [i=0:N-1] datafile index i using 1:($6 > 0 ? $2 : NaN) with points pt 6 ps 2.2 lw 1.5 lc rgb '#000000' title (i == 0 ? 'selected by the tuning rule' : '')
set terminal svg noenhanced size 900,610 font 'Sans,10' background rgb '#ffffff'
set output 'sensitivity-rnn-cell-gru-embed-16-hidden-32-on-austen-books-80b0a0c0.svg'
replot
set output
