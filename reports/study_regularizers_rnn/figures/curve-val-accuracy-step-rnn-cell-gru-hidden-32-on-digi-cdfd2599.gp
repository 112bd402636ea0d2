# curve-val-accuracy-step-rnn-cell-gru-hidden-32-on-digi-cdfd2599: validation accuracy against steps; lines are means over seeds, bands span min to max
# Render from this folder with: gnuplot -c curve-val-accuracy-step-rnn-cell-gru-hidden-32-on-digi-cdfd2599.gp 'TITLE'
# Labels come from curve-val-accuracy-step-rnn-cell-gru-hidden-32-on-digi-cdfd2599.dat and the title from ARG1; neither is parsed as code.
title = (ARGC >= 1) ? ARG1 : ''
datafile = 'curve-val-accuracy-step-rnn-cell-gru-hidden-32-on-digi-cdfd2599.dat'
set terminal pngcairo noenhanced size 900,610 font 'Sans,10'
set output 'curve-val-accuracy-step-rnn-cell-gru-hidden-32-on-digi-cdfd2599.png'
set title title noenhanced
set grid lc rgb '#d0d0d0'
set key below left Left reverse maxcols 2 samplen 3 spacing 1.1
set xlabel 'step'
set ylabel 'validation accuracy'
set border 3
set tics nomirror
set xrange [0:*]
N = 5
plot for [i=0:N-1] datafile index i using 1:3:4 with filledcurves fs transparent solid 0.15 noborder lc 1+i%8 notitle, \
     for [i=0:N-1] datafile index i using 1:2 with linespoints pi 3 ps 0.7 lw 1.5 lc 1+i%8 dt 1+(i/8)%5 title columnheader(2)
set terminal svg noenhanced size 900,610 font 'Sans,10' background rgb '#ffffff'
set output 'curve-val-accuracy-step-rnn-cell-gru-hidden-32-on-digi-cdfd2599.svg'
replot
set output
