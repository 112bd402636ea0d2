# diag-skipped-updates-rnn-cell-gru-embed-16-hidden-32-126fa90c: skipped updates (cumulative) against steps; lines are means over seeds, bands span min to max
# Render from this folder with: gnuplot -c diag-skipped-updates-rnn-cell-gru-embed-16-hidden-32-126fa90c.gp 'TITLE'
# Labels come from diag-skipped-updates-rnn-cell-gru-embed-16-hidden-32-126fa90c.dat and the title from ARG1; neither is parsed as code.
title = (ARGC >= 1) ? ARG1 : ''
datafile = 'diag-skipped-updates-rnn-cell-gru-embed-16-hidden-32-126fa90c.dat'
set terminal pngcairo noenhanced size 900,772 font 'Sans,10'
set output 'diag-skipped-updates-rnn-cell-gru-embed-16-hidden-32-126fa90c.png'
set title title noenhanced
set grid lc rgb '#d0d0d0'
set key below left Left reverse maxcols 2 samplen 3 spacing 1.1
set xlabel 'step'
set ylabel 'skipped updates (cumulative)'
set border 3
set tics nomirror
set yrange [0:*]
N = 14
plot for [i=0:N-1] datafile index i using 1:3:4 with filledcurves fs transparent solid 0.15 noborder lc 1+i%8 notitle, \
     for [i=0:N-1] datafile index i using 1:2 with linespoints pi 1 ps 0.7 lw 1.5 lc 1+i%8 dt 1+(i/8)%5 title columnheader(2)
set terminal svg noenhanced size 900,772 font 'Sans,10' background rgb '#ffffff'
set output 'diag-skipped-updates-rnn-cell-gru-embed-16-hidden-32-126fa90c.svg'
replot
set output
